package city.yingzao.training.application;

import city.yingzao.training.domain.Completion;
import city.yingzao.training.domain.Enrolment;
import city.yingzao.training.infrastructure.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** T3: a learner's enrolments, completed courses and certificates. */
@ApplicationScoped
public class TranscriptService {

    @Inject
    SessionStore sessions;

    @Inject
    CertificationService certification;

    @Inject
    Access access;

    public record Transcript(String personId, List<Completion> completions, List<CertificationService.CertificateView> certificates) {
    }

    @Transactional
    public List<Enrolment> myEnrolments() {
        return sessions.enrolmentsOf(access.who());
    }

    @Transactional
    public Transcript of(String personId) {
        access.requireSelfOrReader(personId);
        return new Transcript(personId, sessions.completions(personId), certification.ofPerson(personId));
    }
}

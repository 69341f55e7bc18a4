package city.yingzao.portal.application;

import city.yingzao.portal.domain.Training;
import city.yingzao.portal.infrastructure.TrainingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** A trainer's sessions (attendance, the self-mark code) and a learner's sessions, transcript and certificates. */
@ApplicationScoped
public class TrainingWork {

    @Inject
    @RestClient
    TrainingClient training;

    public record LearnerDesk(List<Training.Enrolment> enrolments, Training.Transcript transcript) {
    }

    public List<Training.Session> sessions() {
        return training.sessions();
    }

    public Training.SessionView session(String id) {
        return training.session(id);
    }

    public Training.ShownCode showCode(String session, int seq) {
        return training.showCode(session, seq);
    }

    public void markPresent(String session, int seq, List<String> people) {
        training.attendance(session, seq, new Training.AttendanceRequest(people));
    }

    public LearnerDesk learner() {
        return new LearnerDesk(training.myEnrolments(), training.myTranscript());
    }

    public void selfMark(String session, int seq, String code) {
        training.selfMark(session, seq, new Training.CodeRequest(code));
    }
}

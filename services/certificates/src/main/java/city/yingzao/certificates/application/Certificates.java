package city.yingzao.certificates.application;

import city.yingzao.certificates.domain.CertificateRequirement;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.certificates.infrastructure.CertificateRepository;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What grants and evaluation ask of training's certificates, answered from their own copy (kept from
 * {@code training.certifications}, never by calling training).
 */
@ApplicationScoped
public class Certificates {

    /** 参与式评估员: the scheme evaluators need (E2). */
    public static final String PARTICIPATORY_EVALUATOR = "PARTICIPATORY_EVALUATOR";
    /** 督导: the scheme senior supervisors need (G5). */
    public static final String SUPERVISOR = "SUPERVISOR";

    @Inject
    CertificateRepository repository;

    /** Every certificate of a person, any scheme and state, oldest end first. */
    public List<HeldCertificate> of(String personId) {
        return repository.ofPerson(personId);
    }

    /** The person's certificate of the scheme valid at {@code at}, the one lasting longest. */
    public Optional<HeldCertificate> current(String personId, String scheme, Instant at) {
        return of(personId).stream().filter(c -> c.scheme().equals(scheme) && c.validAt(at))
                .reduce((a, b) -> b.validUntil().isAfter(a.validUntil()) ? b : a);
    }

    /** Why the person may not do work needing the scheme from {@code now} to {@code until}, or empty. */
    public Optional<Rejection> check(String rule, String personId, String scheme, Instant now, Instant until) {
        return CertificateRequirement.check(rule, personId, scheme, of(personId), now, until);
    }

    /** The same, as a 422 problem whose type names the rule. */
    public void require(String rule, String personId, String scheme, Instant now, Instant until) {
        check(rule, personId, scheme, now, until).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
    }

    /**
     * The pool: one certificate per person of everyone certified in the scheme from {@code at} to at
     * least {@code until}, ordered by person id (a pool of thousands is one query).
     */
    public List<HeldCertificate> pool(String scheme, Instant at, Instant until) {
        Map<String, HeldCertificate> byPerson = new LinkedHashMap<>();
        for (HeldCertificate c : repository.validThrough(scheme, at, until)) {
            byPerson.putIfAbsent(c.personId(), c);
        }
        return List.copyOf(byPerson.values());
    }
}

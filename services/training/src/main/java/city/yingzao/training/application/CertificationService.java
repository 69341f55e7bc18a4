package city.yingzao.training.application;

import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.training.domain.Certificate;
import city.yingzao.training.domain.CertificateHistoryLine;
import city.yingzao.training.domain.CertificateStatus;
import city.yingzao.training.domain.CertificationScheme;
import city.yingzao.training.domain.Completion;
import city.yingzao.training.domain.HeldCertificate;
import city.yingzao.training.domain.Learner;
import city.yingzao.training.domain.SchemeTerms;
import city.yingzao.training.infrastructure.CatalogueStore;
import city.yingzao.training.infrastructure.CertificateStore;
import city.yingzao.training.infrastructure.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * T3: certification. A scheme's certificate is granted automatically when its courses are completed
 * and the assessment meets the threshold; a refresher completed within the recertification window
 * renews it (the history keeps every period); operators suspend, reinstate and revoke with a
 * reason. Every change appends its event to the outbox in the same transaction.
 */
@ApplicationScoped
public class CertificationService {

    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CertificateStore certificates;

    @Inject
    CatalogueStore catalogue;

    @Inject
    SessionStore sessions;

    @Inject
    TrainingSettings settings;

    @Inject
    Outbox outbox;

    @Inject
    Access access;

    @Inject
    Clock clock;

    /** What a verifier sees: no personal data beyond the holder's display name. */
    public record Verification(String code, String standing, String holderName, String scheme, String schemeName, Instant validFrom,
                               Instant validUntil) {
    }

    /** A certificate with its history, for its holder and operators. */
    public record CertificateView(String code, String personId, String holderName, String holderOrganisation, String scheme,
                                  String standing, String status, Instant validFrom, Instant validUntil, Instant recertificationOpens,
                                  String grantedHow, String statusReason, List<CertificateHistoryLine> history) {
    }

    /** After a completion of {@code courseCode}: renews or grants what the person now qualifies for. */
    @Transactional
    public void evaluate(String personId, String courseCode) {
        for (CertificationScheme scheme : catalogue.schemesUsing(courseCode)) {
            evaluateScheme(personId, scheme);
        }
    }

    /** Grants or renews one scheme when the person qualifies; returns what is missing otherwise. */
    List<Rejection> evaluateScheme(String personId, CertificationScheme scheme) {
        Instant now = clock.instant();
        SchemeTerms terms = settings.terms(scheme.code());
        List<Completion> completions = sessions.completions(personId);
        Optional<HeldCertificate> inForce = certificates.inForce(personId, scheme.code());
        if (inForce.isPresent()) {
            HeldCertificate h = inForce.get();
            Certificate c = h.certificate();
            Optional<Completion> refresher = completions.stream()
                    .filter(x -> x.courseCode().equals(scheme.refresherCourse()) && x.completedAt().isAfter(c.validFrom()))
                    .reduce((a, b) -> b);
            if (refresher.isEmpty()) {
                return List.of(new Rejection("T3", "already certified until " + c.validUntil()));
            }
            Optional<Rejection> refused = c.renewalRefusal(refresher.get().completedAt());
            if (refused.isPresent()) {
                return List.of(refused.get());
            }
            Certificate renewed = c.renewed(now, terms);
            certificates.update(renewed, null, now);
            certificates.history(c.code(), "RENEWED", renewed, "refresher " + scheme.refresherCourse(), null, access.who(), now);
            outbox.append(Events.of("RENEWED", h, renewed, null, now));
            return List.of();
        }
        Optional<CertificateStore.Assessment> assessment = certificates.latestAssessment(personId, scheme.code());
        List<Rejection> missing = scheme.missing(completions, assessment.map(CertificateStore.Assessment::score).orElse(null),
                assessment.map(CertificateStore.Assessment::assessedAt).orElse(null), certificates.lastEnded(personId, scheme.code()), terms);
        if (!missing.isEmpty()) {
            return missing;
        }
        Learner holder = sessions.learner(personId).orElse(new Learner(personId, personId, null));
        grant(scheme, holder, now, terms, "COMPLETION", null);
        return List.of();
    }

    private HeldCertificate grant(CertificationScheme scheme, Learner holder, Instant from, SchemeTerms terms, String how, String evidence) {
        Instant now = clock.instant();
        Certificate c = new Certificate(newCode(), holder.personId(), scheme.code(), from, CertificationScheme.validUntil(from, terms),
                CertificateStatus.ACTIVE, terms.recertificationWindowDays());
        HeldCertificate h = new HeldCertificate(c, holder.displayName(), holder.organisation(), now, how, null);
        certificates.insert(h, now);
        certificates.history(c.code(), "GRANTED", c, how.equals("EVIDENCE") ? "granted on evidence" : "requirements met", evidence,
                access.who(), now);
        outbox.append(Events.of("GRANTED", h, c, null, now));
        return h;
    }

    /** T3: a trainer or operator records an assessment; the person is certified at once when that completes the scheme. */
    @Transactional
    public List<Rejection> assess(String schemeCode, String personId, String displayName, String organisation, int score) {
        CertificationScheme scheme = scheme(schemeCode);
        Instant now = clock.instant();
        Optional<Learner> known = sessions.learner(personId);
        if (known.isEmpty() && displayName == null) {
            throw Problems.invalid("displayName", "a person who never enrolled needs a display name");
        }
        if (displayName != null) {
            sessions.upsertLearner(new Learner(personId, displayName, organisation), now);
        }
        certificates.assess(scheme.code(), personId, score, access.who(), now);
        return evaluateScheme(personId, scheme);
    }

    /**
     * An operator grants on evidence (a certificate earned before the platform, or an external
     * course): recorded in the history with who and the evidence. {@code validFrom} may lie in the
     * past (a paper certificate's date); the period then may already be over, and the expiry job
     * records it as expired.
     */
    @Transactional
    public CertificateView grantOnEvidence(String schemeCode, String personId, String holderName, String organisation, String evidence,
                                           Instant validFrom) {
        CertificationScheme scheme = scheme(schemeCode);
        Instant now = clock.instant();
        if (certificates.inForce(personId, scheme.code()).isPresent()) {
            throw RuleViolation.of(new Rejection("T3", personId + " already holds a " + scheme.code() + " certificate in force"));
        }
        Instant from = validFrom == null ? now : validFrom;
        if (from.isAfter(now)) {
            throw Problems.invalid("validFrom", "a certificate does not start in the future");
        }
        Learner holder = new Learner(personId, holderName, organisation);
        sessions.upsertLearner(holder, now);
        HeldCertificate h = grant(scheme, holder, from, settings.terms(scheme.code()), "EVIDENCE", evidence);
        return view(h);
    }

    @Transactional
    public CertificateView suspend(String code, String reason) {
        HeldCertificate h = lock(code);
        Instant now = clock.instant();
        h.certificate().suspensionRefusal(now).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        return change(h, h.certificate().with(CertificateStatus.SUSPENDED), "SUSPENDED", reason, now);
    }

    @Transactional
    public CertificateView reinstate(String code, String reason) {
        HeldCertificate h = lock(code);
        Instant now = clock.instant();
        h.certificate().reinstatementRefusal(now).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        return change(h, h.certificate().with(CertificateStatus.ACTIVE), "REINSTATED", reason, now);
    }

    @Transactional
    public CertificateView revoke(String code, String reason) {
        HeldCertificate h = lock(code);
        h.certificate().revocationRefusal(reason).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        return change(h, h.certificate().with(CertificateStatus.REVOKED), "REVOKED", reason, clock.instant());
    }

    private CertificateView change(HeldCertificate h, Certificate changed, String event, String reason, Instant now) {
        certificates.update(changed, reason, now);
        certificates.history(changed.code(), event, changed, reason, null, access.who(), now);
        outbox.append(Events.of(event, h, changed, reason, now));
        return view(certificates.find(changed.code()).orElseThrow());
    }

    /** Public verification: valid, expired, suspended or revoked, the holder's display name and the scheme. */
    @Transactional
    public Verification verify(String code) {
        HeldCertificate h = certificates.find(code).orElseThrow(() -> Problems.notFound("certificate", code));
        Certificate c = h.certificate();
        String schemeName = catalogue.scheme(c.scheme()).map(CertificationScheme::name).orElse(c.scheme());
        return new Verification(c.code(), c.standing(clock.instant()).name(), h.holderName(), c.scheme(), schemeName, c.validFrom(),
                c.validUntil());
    }

    @Transactional
    public CertificateView detail(String code) {
        HeldCertificate h = certificates.find(code).orElseThrow(() -> Problems.notFound("certificate", code));
        access.requireSelfOrReader(h.certificate().personId());
        return view(h);
    }

    @Transactional
    public List<CertificateView> ofPerson(String personId) {
        access.requireSelfOrReader(personId);
        return certificates.ofPerson(personId).stream().map(this::view).toList();
    }

    HeldCertificate held(String code) {
        return certificates.find(code).orElseThrow(() -> Problems.notFound("certificate", code));
    }

    private CertificateView view(HeldCertificate h) {
        Certificate c = h.certificate();
        return new CertificateView(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                c.standing(clock.instant()).name(), c.status().name(), c.validFrom(), c.validUntil(), c.windowOpens(), h.grantedHow(),
                h.statusReason(), certificates.historyOf(c.code()));
    }

    private HeldCertificate lock(String code) {
        return certificates.lock(code).orElseThrow(() -> Problems.notFound("certificate", code));
    }

    private CertificationScheme scheme(String code) {
        return catalogue.scheme(code).orElseThrow(() -> Problems.notFound("scheme", code));
    }

    /** "YZC-" and 12 characters of Crockford base32 (60 random bits): printed on the certificate, typed by a verifier. */
    static String newCode() {
        StringBuilder s = new StringBuilder("YZC-");
        for (int i = 0; i < 12; i++) {
            s.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return s.toString();
    }
}

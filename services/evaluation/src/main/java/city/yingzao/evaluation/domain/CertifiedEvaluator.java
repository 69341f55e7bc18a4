package city.yingzao.evaluation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.util.Optional;

/**
 * E2: only a trained, certified participatory evaluator may be assigned, and only when the
 * certificate stays current until the evaluation window plus the appeal window ends (a result can
 * still be revised on appeal until then).
 */
public final class CertifiedEvaluator {

    /** The certification scheme an evaluator needs (training's scheme code). */
    public static final String SCHEME = "PARTICIPATORY_EVALUATOR";

    private CertifiedEvaluator() {
    }

    /** What the local copy of {@code training.certifications} says about a person's certificate. */
    public record Certificate(String personId, String status, Instant validFrom, Instant validUntil, String holderOrganisation) {
    }

    public static Optional<Rejection> check(String personId, Optional<Certificate> certificate, Instant now,
            Instant mustHoldUntil) {
        if (certificate.isEmpty()) {
            return reject(personId + " holds no participatory evaluator certificate");
        }
        Certificate c = certificate.get();
        String status = c.status() == null ? "" : c.status();
        if (status.equals("REVOKED")) {
            return reject(personId + "'s participatory evaluator certificate was revoked");
        }
        if (status.equals("SUSPENDED")) {
            return reject(personId + "'s participatory evaluator certificate is suspended");
        }
        if (status.equals("EXPIRED") || !c.validUntil().isAfter(now)) {
            return reject(personId + "'s participatory evaluator certificate expired on " + c.validUntil());
        }
        if (c.validFrom() != null && c.validFrom().isAfter(now)) {
            return reject(personId + "'s participatory evaluator certificate is valid only from " + c.validFrom());
        }
        if (c.validUntil().isBefore(mustHoldUntil)) {
            return reject(personId + "'s participatory evaluator certificate expires on " + c.validUntil()
                    + ", before the evaluation and its appeal window end (" + mustHoldUntil + ")");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String reason) {
        return Optional.of(new Rejection("E2", reason));
    }
}

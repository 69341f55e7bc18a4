package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * T3: one person's certificate of one scheme. Its public code stays for life; each renewal starts a
 * new period (the earlier ones are kept as history by the caller). A certificate counts as valid
 * only while ACTIVE and before {@code validUntil}: one whose date passed reads as expired even
 * before the expiry job records it.
 */
public record Certificate(String code, String personId, String scheme, Instant validFrom, Instant validUntil,
                          CertificateStatus status, int recertificationWindowDays) {

    /** What a verifier is told. */
    public enum Standing { VALID, EXPIRED, SUSPENDED, REVOKED }

    public Standing standing(Instant now) {
        return switch (status) {
            case REVOKED -> Standing.REVOKED;
            case EXPIRED -> Standing.EXPIRED;
            case SUSPENDED -> now.isBefore(validUntil) ? Standing.SUSPENDED : Standing.EXPIRED;
            case ACTIVE -> now.isBefore(validUntil) ? Standing.VALID : Standing.EXPIRED;
        };
    }

    /** Opens {@code recertificationWindowDays} before expiry; closes at expiry. */
    public Instant windowOpens() {
        return validUntil.minus(Duration.ofDays(recertificationWindowDays));
    }

    /** Whether the expiry job should record this certificate as expired now. */
    public boolean dueToExpire(Instant now) {
        return (status == CertificateStatus.ACTIVE || status == CertificateStatus.SUSPENDED) && !now.isBefore(validUntil);
    }

    /** T3: renewal by the refresher course completed at {@code completedAt}, within the window, of a valid certificate. */
    public Optional<Rejection> renewalRefusal(Instant completedAt) {
        if (status != CertificateStatus.ACTIVE) {
            return Optional.of(new Rejection("T3", "only an active certificate is renewed; this one is " + status));
        }
        if (!completedAt.isBefore(validUntil)) {
            return Optional.of(new Rejection("T3", "the certificate expired at " + validUntil + "; it is granted anew, not renewed"));
        }
        if (completedAt.isBefore(windowOpens())) {
            return Optional.of(new Rejection("T3", "the recertification window opens at " + windowOpens()));
        }
        return Optional.empty();
    }

    /**
     * The renewed certificate: a new period from the renewal to the old end plus a full validity,
     * so renewing early loses no time; the caller keeps the old period as history.
     */
    public Certificate renewed(Instant at, SchemeTerms terms) {
        return new Certificate(code, personId, scheme, at, CertificationScheme.validUntil(validUntil, terms),
                CertificateStatus.ACTIVE, terms.recertificationWindowDays());
    }

    public Optional<Rejection> suspensionRefusal(Instant now) {
        return standing(now) == Standing.VALID ? Optional.empty()
                : Optional.of(new Rejection("T3", "only a valid certificate is suspended; this one is " + standing(now)));
    }

    public Optional<Rejection> reinstatementRefusal(Instant now) {
        return standing(now) == Standing.SUSPENDED ? Optional.empty()
                : Optional.of(new Rejection("T3", "only a suspended certificate is reinstated; this one is " + standing(now)));
    }

    /** A revoked certificate stays revoked; an expired one may still be revoked (the record says why). */
    public Optional<Rejection> revocationRefusal(String reason) {
        if (status == CertificateStatus.REVOKED) {
            return Optional.of(new Rejection("T3", "the certificate is already revoked"));
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of(new Rejection("T3", "a revocation states its reason"));
        }
        return Optional.empty();
    }

    public Certificate with(CertificateStatus newStatus) {
        return new Certificate(code, personId, scheme, validFrom, validUntil, newStatus, recertificationWindowDays);
    }
}

package city.yingzao.certificates.domain;

import java.time.Instant;

/**
 * A certificate as this service last heard of it from training.
 *
 * @param code               public certificate code
 * @param personId           the holder (Keycloak user name)
 * @param holderName         display name
 * @param holderOrganisation the holder's organisation code, or null (conflict checks: E3, G5)
 * @param scheme             e.g. {@code PARTICIPATORY_EVALUATOR}, {@code SUPERVISOR}
 * @param validFrom          start of the current period
 * @param validUntil         end of the current period (exclusive)
 * @param status             what the latest event said
 */
public record HeldCertificate(String code, String personId, String holderName, String holderOrganisation,
                              String scheme, Instant validFrom, Instant validUntil, CertificateStatus status) {

    /** Whether it certifies its holder at {@code at}: current, started, and not yet past its end. */
    public boolean validAt(Instant at) {
        return status == CertificateStatus.CURRENT && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}

package city.yingzao.contracts.training;

import java.time.Instant;

/**
 * A suspended certificate was reinstated; it is current again until validUntil.
 * Published by training on {@code training.certifications}; key and partition = person id, so one
 * person's certificate events stay in order. Grants and evaluation keep a local copy (E2, G5).
 *
 * @param certificateCode    public code of the certificate (verification: {@code GET /api/public/certificates/{code}})
 * @param personId           the holder: the Keycloak user name ({@code preferred_username}), the identity every service's Caller sees
 * @param holderName         the holder's display name
 * @param holderOrganisation the organisation code of the holder's {@code org} claim, or null (conflict checks: E3, G5)
 * @param scheme             certification scheme, e.g. {@code PARTICIPATORY_EVALUATOR}, {@code SUPERVISOR}
 * @param validFrom          start of the current validity period
 * @param validUntil         end of the current validity period (exclusive)
 * @param occurredAt         when this happened
 */
public record CertificationReinstatedV1(
        String certificateCode,
        String personId,
        String holderName,
        String holderOrganisation,
        String scheme,
        Instant validFrom,
        Instant validUntil,
        Instant occurredAt) implements CertificationEvent {
}

package city.yingzao.training.domain;

import java.time.Instant;

/** A certificate with what it says of its holder and how it came to be (COMPLETION or EVIDENCE). */
public record HeldCertificate(Certificate certificate, String holderName, String holderOrganisation, Instant grantedAt,
                              String grantedHow, String statusReason) {
}

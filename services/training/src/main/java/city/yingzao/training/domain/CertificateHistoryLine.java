package city.yingzao.training.domain;

import java.time.Instant;

/** One step of a certificate's life (GRANTED, RENEWED, SUSPENDED, REINSTATED, REVOKED, EXPIRED) with its period then. */
public record CertificateHistoryLine(String event, Instant validFrom, Instant validUntil, String reason, String evidence,
                                     String recordedBy, Instant recordedAt) {
}

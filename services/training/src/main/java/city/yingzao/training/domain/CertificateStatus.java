package city.yingzao.training.domain;

/** T3: a certificate's state as recorded; {@link Certificate#standing} also reads the clock. */
public enum CertificateStatus {
    ACTIVE, SUSPENDED, EXPIRED, REVOKED
}

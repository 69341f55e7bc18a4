package city.yingzao.certificates.domain;

/** Where the latest event of {@code training.certifications} left a certificate. */
public enum CertificateStatus {
    /** Granted, renewed or reinstated: valid until its {@code validUntil}. */
    CURRENT,
    /** Its validity ended without renewal. */
    EXPIRED,
    /** Suspended by an operator; may be reinstated. */
    SUSPENDED,
    /** Revoked; never current again. */
    REVOKED
}

package city.yingzao.training.application;

import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRenewedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;
import city.yingzao.training.domain.Certificate;
import city.yingzao.training.domain.HeldCertificate;

import java.time.Instant;

/** The training service's published facts on {@code training.certifications}, in the shape of the contracts. */
final class Events {

    private Events() {
    }

    static CertificationEvent of(String event, HeldCertificate h, Certificate c, String reason, Instant at) {
        return switch (event) {
            case "GRANTED" -> new CertificationGrantedV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), at);
            case "RENEWED" -> new CertificationRenewedV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), at);
            case "EXPIRED" -> new CertificationExpiredV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), at);
            case "SUSPENDED" -> new CertificationSuspendedV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), reason, at);
            case "REINSTATED" -> new CertificationReinstatedV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), at);
            case "REVOKED" -> new CertificationRevokedV1(c.code(), c.personId(), h.holderName(), h.holderOrganisation(), c.scheme(),
                    c.validFrom(), c.validUntil(), reason, at);
            default -> throw new IllegalArgumentException(event);
        };
    }
}

package city.yingzao.contracts.training;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * What every event on {@code training.certifications} carries, so a consumer keeps one row per
 * certificate whatever the event, and {@link #leavesCertified()} tells it whether the holder counts
 * as certified afterwards.
 */
public sealed interface CertificationEvent extends IntegrationEvent
        permits CertificationGrantedV1, CertificationRenewedV1, CertificationExpiredV1,
                CertificationSuspendedV1, CertificationReinstatedV1, CertificationRevokedV1 {

    String certificateCode();

    String personId();

    String holderName();

    String holderOrganisation();

    String scheme();

    Instant validFrom();

    Instant validUntil();

    Instant occurredAt();

    /** A certificate is about a person, not a community. */
    @Override
    default String communityCode() {
        return null;
    }

    /** Partition by person: a person's grant, renewal, suspension and revocation stay in order. */
    @Override
    default String partitionKey() {
        return personId();
    }

    @Override
    default String recordKey() {
        return personId();
    }

    /** Whether the holder counts as certified (until {@link #validUntil()}) once this event applies. */
    default boolean leavesCertified() {
        return this instanceof CertificationGrantedV1 || this instanceof CertificationRenewedV1
                || this instanceof CertificationReinstatedV1;
    }
}

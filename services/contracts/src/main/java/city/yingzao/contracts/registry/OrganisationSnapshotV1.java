package city.yingzao.contracts.registry;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The current state of one organisation of a community (P4), published on every change to the
 * compacted topic {@code registry.organisations}, key = {@code communityCode:code}. Grants checks an
 * applicant's type and registration age against it (G2); the organisation code is what an agency
 * user's {@code org} claim names.
 *
 * @param code          organisation code, unique within its community
 * @param communityCode community the organisation belongs to
 * @param name          its registered name
 * @param type          {@code PARTY_ORGANISATION}, {@code COMMITTEE}, {@code SOCIAL_ORGANISATION},
 *                      {@code SELF_ORGANISATION}, {@code SOCIAL_ENTERPRISE} or {@code FOUNDATION}
 * @param registeredOn  the day it was registered (with civil affairs, or in the registry when unknown)
 * @param active        false once it is deregistered
 * @param revision      increases with every change of this organisation
 * @param updatedAt     when this revision was made
 */
public record OrganisationSnapshotV1(
        String code,
        String communityCode,
        String name,
        String type,
        LocalDate registeredOn,
        boolean active,
        long revision,
        Instant updatedAt) implements IntegrationEvent {

    @Override
    public String recordKey() {
        return communityCode + ":" + code;
    }
}

package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A project closed. Published on {@code grants.projects}, key = target code; training adds the
 * outcome to the community's map profile (T4).
 *
 * @param projectId        the project
 * @param title            project title
 * @param organisationCode the organisation that ran it
 * @param targetCode       community, street or district code
 * @param pivotCategory    pivot category (P3)
 * @param outcome          {@code COMPLETED} or {@code TERMINATED}
 * @param releasedFen      everything released to it, integer fen
 * @param occurredAt       when it closed
 */
public record ProjectClosedV1(
        String projectId,
        String title,
        String organisationCode,
        String targetCode,
        String pivotCategory,
        String outcome,
        long releasedFen,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String communityCode() {
        return targetCode;
    }
}

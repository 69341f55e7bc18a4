package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * A project's supervision team changed (G5): the whole team as it is now. Published on
 * {@code grants.projects}, key = target code; evaluation refuses its members as evaluators (E3).
 *
 * @param projectId        the project
 * @param organisationCode the organisation running it
 * @param targetCode       community, street or district code
 * @param supervisionTeam  every seat now filled
 * @param occurredAt       when it changed
 */
public record SupervisionTeamChangedV1(
        String projectId,
        String organisationCode,
        String targetCode,
        List<SupervisionMember> supervisionTeam,
        Instant occurredAt) implements IntegrationEvent {

    public SupervisionTeamChangedV1 {
        supervisionTeam = List.copyOf(supervisionTeam);
    }

    @Override
    public String communityCode() {
        return targetCode;
    }
}

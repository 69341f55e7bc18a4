package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An awarded application became a project under a signed agreement (G4). Published on
 * {@code grants.projects}, key = target code. Evaluation creates the project's mid-term and final
 * evaluations from it and shows the framework to the organisation from {@code startsOn} (E4);
 * training adds it to the community's map profile (T4).
 *
 * @param projectId          the project
 * @param applicationId      the application it came from
 * @param callId             its call
 * @param programmeYear      the funding programme's year
 * @param title              project title
 * @param organisationCode   the organisation running it
 * @param targetKind         community, street or district
 * @param targetCode         community, street or district code
 * @param districtCode       the district the target lies in
 * @param pivotCategory      pivot category (P3)
 * @param awardedFen         the award, integer fen
 * @param startsOn           first day of the project (Asia/Shanghai)
 * @param endsOn             last day of the project (Asia/Shanghai)
 * @param frameworkVersion   the evaluation framework version in force when the project started (E1)
 * @param reviewerIds        person ids of the reviewers of its application (E3)
 * @param supervisionTeam    the 1+1+1+1 team as far as it is named at start (G5); changes follow as
 *                           {@link SupervisionTeamChangedV1}
 * @param occurredAt         when it started
 */
public record ProjectStartedV1(
        String projectId,
        String applicationId,
        String callId,
        int programmeYear,
        String title,
        String organisationCode,
        GrantTarget targetKind,
        String targetCode,
        String districtCode,
        String pivotCategory,
        long awardedFen,
        LocalDate startsOn,
        LocalDate endsOn,
        String frameworkVersion,
        List<String> reviewerIds,
        List<SupervisionMember> supervisionTeam,
        Instant occurredAt) implements IntegrationEvent {

    public ProjectStartedV1 {
        reviewerIds = List.copyOf(reviewerIds);
        supervisionTeam = List.copyOf(supervisionTeam);
    }

    @Override
    public String communityCode() {
        return targetCode;
    }
}

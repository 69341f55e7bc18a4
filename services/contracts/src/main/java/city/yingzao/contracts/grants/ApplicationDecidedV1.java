package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * The operator confirmed the award decision of a call for one application (G3, G4). Published on
 * {@code grants.applications}, key = target code. Carries who reviewed it, so evaluation can refuse
 * an evaluator who reviewed applications of the same call (E3).
 *
 * @param applicationId    the application
 * @param callId           its call
 * @param organisationCode the applicant organisation
 * @param targetKind       community, street or district
 * @param targetCode       community, street or district code
 * @param decision         {@code AWARDED} or {@code DECLINED}
 * @param awardedFen       the award, integer fen (0 when declined)
 * @param rank             the application's rank in the call (1 = best)
 * @param reviewerIds      person ids of every reviewer whose review counted
 * @param occurredAt       when the decision was confirmed
 */
public record ApplicationDecidedV1(
        String applicationId,
        String callId,
        String organisationCode,
        GrantTarget targetKind,
        String targetCode,
        String decision,
        long awardedFen,
        int rank,
        List<String> reviewerIds,
        Instant occurredAt) implements IntegrationEvent {

    public ApplicationDecidedV1 {
        reviewerIds = List.copyOf(reviewerIds);
    }

    @Override
    public String communityCode() {
        return targetCode;
    }
}

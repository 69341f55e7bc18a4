package city.yingzao.contracts.grants;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * An agency submitted an application to a call and it passed the eligibility check (G2). Published
 * on {@code grants.applications}, key = target code.
 *
 * @param applicationId    the application
 * @param callId           the call it answers
 * @param programmeYear    the funding programme's year
 * @param organisationCode the applicant organisation (the agency's {@code org} claim)
 * @param targetKind       community, or street or district for platform calls (G7)
 * @param targetCode       community code, or street or district code
 * @param districtCode     the district the target lies in
 * @param pivotCategory    pivot category of the project (P3)
 * @param title            project title
 * @param requestedFen     amount applied for, integer fen
 * @param occurredAt       when it was submitted
 */
public record ApplicationSubmittedV1(
        String applicationId,
        String callId,
        int programmeYear,
        String organisationCode,
        GrantTarget targetKind,
        String targetCode,
        String districtCode,
        String pivotCategory,
        String title,
        long requestedFen,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String communityCode() {
        return targetCode;
    }
}

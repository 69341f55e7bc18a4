package city.yingzao.grants.domain;

import city.yingzao.contracts.grants.GrantTarget;

import java.time.Instant;
import java.util.List;

/** G2: an agency's application to a call, from draft to decision. */
public record GrantApplication(String id, String callId, String organisationCode, GrantTarget targetKind, String targetCode,
                               String districtCode, PivotCategory pivotCategory, String title, long requestedFen,
                               List<BudgetLine> budget, List<TeamMember> team, String projectLogic, Status status,
                               Instant submittedAt, Instant createdAt, Instant updatedAt) {

    public enum Status { DRAFT, SUBMITTED, WITHDRAWN, AWARDED, DECLINED }

    public GrantApplication {
        budget = List.copyOf(budget);
        team = List.copyOf(team);
    }
}

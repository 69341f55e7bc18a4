package city.yingzao.finance.domain;

import java.time.Instant;

/** A fund-use project (F5, F6) and where it stands. */
public record Project(String id, String communityCode, int fundYear, String title, SpendingCategory category,
                      String purpose, long budgetFen, long contributionFen, Urgency urgency, ProjectStep step,
                      long paidFen, String hearingSummary, Integer hearingAttendees, String createdBy,
                      Instant createdAt) {

    public Money budget() {
        return Money.fen(budgetFen);
    }

    public Money paid() {
        return Money.fen(paidFen);
    }

    public boolean hearingRecorded() {
        return hearingSummary != null;
    }
}

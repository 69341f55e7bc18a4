package city.yingzao.finance.domain;

import java.time.Instant;

/** A fund-use project (F5, F6) and where it stands. */
public record Project(String id, String communityCode, int fundYear, String title, SpendingCategory category,
                      String purpose, long budgetFen, long contributionFen, Urgency urgency, ProjectStep step,
                      long paidFen, String hearingSummary, Integer hearingAttendees, String createdBy,
                      Instant createdAt, ProjectEnding endedAs, String endedReason) {

    public Money budget() {
        return Money.fen(budgetFen);
    }

    public Money paid() {
        return Money.fen(paidFen);
    }

    /** F6: withdrawn or rejected projects never change again. */
    public java.util.Optional<city.yingzao.kernel.rules.Rejection> endedRejection() {
        return endedAs == null ? java.util.Optional.empty() : java.util.Optional.of(new city.yingzao.kernel.rules.Rejection("F6",
                "the project was " + endedAs.name().toLowerCase(java.util.Locale.ROOT) + " (" + endedReason + ") and can no longer change"));
    }

    public boolean hearingRecorded() {
        return hearingSummary != null;
    }
}

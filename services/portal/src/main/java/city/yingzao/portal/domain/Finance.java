package city.yingzao.portal.domain;

import java.time.Instant;
import java.util.List;

/** What finance discloses of a community (F8): allocations, accounts, the ledger, projects and their nine steps, vote rounds. */
public final class Finance {

    private Finance() {
    }

    public record CommunityFinance(String code, String name, String kind, String districtCode, List<Allocation> allocations,
                                   List<Account> accounts, List<Project> projects, List<Round> voteRounds) {
    }

    public record Allocation(String id, String communityCode, int fundYear, String communityKind, String districtCode,
                             String districtTier, int registeredHouseholds, String basis, long totalFen, long cityShareFen,
                             long districtShareFen, long policyRevision, Instant allocatedAt, String entryId) {
    }

    public record Account(String code, int fundYear, String kind, long balanceFen, long entries, String lastHash) {
    }

    public record Entry(String id, String account, int fundYear, long sequence, String kind, String reference, String memo,
                        Instant postedAt, List<Line> lines, String previousHash, String hash) {
    }

    public record Line(String account, long debitFen, long creditFen) {
    }

    public record Project(String id, String communityCode, int fundYear, String title, String category, String purpose,
                          long budgetFen, long contributionFen, String urgency, int step, String stepName, long paidFen,
                          String hearingSummary, Integer hearingAttendees, List<Step> steps, List<Decision> councilDecisions,
                          String endedAs, String endedReason) {

        /** The nine steps of F6 with this project's place in them, for the step list of a page. */
        public List<NineSteps.Stage> stages() {
            return NineSteps.of(step, steps, endedAs);
        }

        public int paidPercent() {
            return Money.percent(paidFen, budgetFen);
        }
    }

    public record Step(int step, String stepName, String note, Instant at) {
    }

    public record Decision(String outcome, String decisionId, String title, String reason) {
    }

    public record Round(String id, String communityCode, String title, String status, Instant closesAt, long ballots,
                        long onlineBallots, long paperBallots, Instant openedAt, Instant closedAt, List<TallyLine> tally) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        /** The most approvals any candidate got, the 100% of the result bars. */
        public long leading() {
            return tally == null ? 0 : tally.stream().mapToLong(TallyLine::approvals).max().orElse(0);
        }

        /** The length of a candidate's bar, the leading candidate's being 100. */
        public int barPercent(long approvals) {
            return Money.percent(approvals, leading());
        }
    }

    public record TallyLine(String projectId, String title, long approvals) {
    }
}

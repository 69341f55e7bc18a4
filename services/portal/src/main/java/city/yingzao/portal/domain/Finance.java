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

    // --- portal-city: operators (allocations, fund policy) and community staff (steps, payments, votes, micro-fund) ---

    /** A year's allocations with totals (a district's when one is named), paged by community code ({@code next}). */
    public record AllocationPage(int fundYear, String district, long communities, long totalFen, long cityShareFen,
                                 long districtShareFen, List<Allocation> items, String next) {

        /** This selection's totals, as one district's line. */
        public DistrictTotals totals() {
            return new DistrictTotals(district, communities, totalFen, cityShareFen, districtShareFen);
        }
    }

    /** A year's allocations per district (finance {@code GET /api/allocations/districts}). */
    public record DistrictAllocations(int fundYear, List<DistrictTotals> districts) {
    }

    /** One district's allocations of a year: how many communities, the total and who pays it. */
    public record DistrictTotals(String district, long communities, long totalFen, long cityShareFen, long districtShareFen) {
    }

    /** A year's fund policy (F2-F4): the rural floor, the urban rate per 100 households and the city's percentages. */
    public record Policy(int fundYear, long ruralFloorFen, long urbanPer100HouseholdsFen, int cityPercentMainUrban,
                         int cityPercentNearSuburb, int cityPercentFarSuburb, long revision, boolean defaults) {
    }

    public record PolicyRequest(long ruralFloorFen, long urbanPer100HouseholdsFen, int cityPercentMainUrban,
                                int cityPercentNearSuburb, int cityPercentFarSuburb, String reason) {
    }

    /** One audited change of a year's policy; {@code changedBy} is a person id and is never shown as such. */
    public record PolicyChange(int fundYear, long revision, String oldPolicy, String newPolicy, String reason, String changedBy,
                               Instant changedAt) {
    }

    public record ProjectRequest(int fundYear, String title, String category, String purpose, long budgetFen,
                                 long contributionFen, String urgency) {
    }

    public record StepRequest(int step, String note) {
    }

    public record HearingRequest(String summary, int attendees) {
    }

    /** F8: a payment names its payee (a registry organisation code or a supplier's name) and its voucher number. */
    public record PaymentRequest(long amountFen, String payeeOrg, String payeeName, String voucher, String memo) {
    }

    public record Payment(String projectId, long amountFen, long paidFen, long budgetFen, String entryId, long sequence,
                          String hash) {
    }

    public record EndingRequest(String reason) {
    }

    public record RoundRequest(String title, List<String> projectIds, Instant closesAt) {
    }

    public record BallotRequest(List<String> approvals) {
    }

    /** What finance answers for a ballot it recorded: the household, online or paper, and when. */
    /** F7: the household's own ballot in a round, as finance recorded it (its own approvals only, never others'). */
    public record HouseholdBallot(String roundId, String householdCode, String status, String channel, Instant recordedAt,
                                  String sheet, List<String> approvals, List<VoidedEntry> voided) {

        public boolean recorded() {
            return "RECORDED".equals(status);
        }
    }

    public record VoidedEntry(String channel, String sheet, Instant recordedAt, Instant voidedAt, String reason) {
    }

    public record Receipt(String roundId, String householdCode, String channel, Instant recordedAt) {
    }

    /** A paper ballot of a stack: the number written on the sheet, the household and the projects it approves. */
    public record PaperBallot(String householdCode, String sheet, List<String> approvals) {
    }

    public record PaperStack(List<PaperBallot> ballots) {
    }

    public record PaperStackResult(int accepted, int refused, List<PaperLine> ballots) {
    }

    public record PaperLine(int index, String householdCode, boolean accepted, Instant recordedAt, LineProblem problem) {
    }

    public record LineProblem(String type, String title, int status, String detail) {
    }

    public record DonationRequest(int fundYear, String donorType, String donorName, long amountFen, String purpose) {
    }

    public record MicroGrantRequest(int fundYear, String orgCode, long amountFen, String purpose) {
    }
}

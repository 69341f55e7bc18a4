package city.yingzao.portal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the grants service answers: calls, applications and their timeline, projects and tranches, reports, logs, the budget ledger. */
public final class Grants {

    private Grants() {
    }

    public record Call(String id, int programmeYear, String title, CallRules rules, LocalDate opensOn, long budgetFen,
                       List<Criterion> rubric, int scaleMax, String trancheSplit, String certificateScheme, String status) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record CallRules(String targetKind, List<String> districtsInScope, List<String> pivotCategories,
                            List<String> organisationTypes, Integer minRegistrationMonths, Long maxAmountFen, LocalDate closesOn) {
    }

    public record Criterion(String code, String name, int weight) {
    }

    /** The public disclosure of awards (G8): every award with its tranche releases (also the operators' dashboard's). */
    public record Awards(int awards, long awardedFen, long releasedFen, List<Award> lines) {
    }

    public record Award(String projectId, String callId, int programmeYear, String title, String organisationName,
                        String targetKind, String targetCode, String pivotCategory, long awardedFen, long releasedFen,
                        String status, LocalDate startsOn, LocalDate endsOn, List<Release> releases) {

        public int releasedPercent() {
            return Money.percent(releasedFen, awardedFen);
        }
    }

    public record Release(int trancheNumber, long amountFen, String condition, Instant releasedAt) {
    }

    public record Application(String id, String callId, String organisationCode, String targetKind, String targetCode,
                              String districtCode, String pivotCategory, String title, long requestedFen,
                              List<BudgetLine> budget, List<TeamMember> team, String projectLogic, String status,
                              Instant submittedAt, Instant createdAt, Instant updatedAt) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    public record BudgetLine(String item, long amountFen) {
    }

    public record TeamMember(String name, String role) {
    }

    public record ApplicationView(Application application, List<TimelineEntry> timeline) {
    }

    /** A step of an application's history; the note is the service's words (eligibility reasons included). */
    public record TimelineEntry(String status, String note, Instant at) {
    }

    /** What the agency sends for a draft (the service's ApplicationRequest). */
    public record ApplicationRequest(String targetKind, String targetCode, String pivotCategory, String title, long requestedFen,
                                     List<BudgetLine> budget, List<TeamMember> team, String projectLogic) {
    }

    public record Project(String id, String applicationId, String callId, int programmeYear, String title,
                          String organisationCode, String targetKind, String targetCode, String pivotCategory, long awardedFen,
                          String status, Instant agreementSignedAt, LocalDate startsOn, LocalDate endsOn) {
    }

    public record ProjectView(Project project, List<Tranche> tranches, List<ReleaseRecord> releases, List<String> missingSeats,
                              long releasedFen) {
    }

    public record Tranche(int number, int percent, long amountFen, String condition, String status, String holdReason) {
    }

    public record ReleaseRecord(int number, long amountFen, String reason, Instant at) {
    }

    /** An action-research report (G6) filed by the team and reviewed by the project's supervisor. */
    public record Report(String id, String projectId, String title, String period, String body, Instant filedAt,
                         Instant reviewedAt, String reviewNote) {

        public boolean reviewed() {
            return reviewedAt != null;
        }
    }

    public record ReportRequest(String title, String period, String body) {
    }

    public record SupervisionLog(String id, String projectId, String type, LocalDate happenedOn, String summary, Instant at) {
    }

    public record LogRequest(String type, LocalDate happenedOn, String summary) {
    }

    /** A reviewer's assignment: the application and the review so far (scores per criterion code). */
    public record Assignment(Application application, Review review) {
    }

    public record Review(String applicationId, Map<String, Integer> scores) {
    }

    public record ReviewRequest(Map<String, Integer> scores, Map<String, String> comments) {
    }

    public record ReasonRequest(String reason) {
    }

    public record Conflict(String applicationId, String level, String reason) {
    }

    public record Verification(int programmeYear, int entries, boolean intact, Break firstBreak) {
    }

    public record Break(String entryId, long sequence, String problem) {
    }

    /** The kinds of supervision log the service accepts. */
    public static final List<String> LOG_TYPES = List.of("ROUTINE", "ON_SITE", "BY_APPOINTMENT", "THEMATIC_ONLINE", "EXPERT_COLUMN");

    /** The six pivot categories of an application. */
    public static final List<String> PIVOTS = List.of("SERVICE_NEEDS", "PUBLIC_AFFAIRS", "PUBLIC_SPACE", "ECO_ENVIRONMENT",
            "COMMUNITY_INDUSTRY", "COMMUNITY_CULTURE");
}

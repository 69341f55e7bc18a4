package city.yingzao.evaluation.application;

import city.yingzao.evaluation.domain.Disagreement;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.SheetStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the evaluation service answers, in the shape its readers need. */
public final class Views {

    private Views() {
    }

    public record EvaluationView(String id, String projectId, String callId, String organisationCode, String communityCode,
                                 String kind, String title, String frameworkVersion, LocalDate visibleFrom, LocalDate windowOpensOn,
                                 LocalDate windowClosesOn, int evaluatorsWanted, int appealWindowDays, String status,
                                 String cancelledReason, List<String> evaluators, Instant releasedAt, Instant appealClosesAt,
                                 Instant completedAt, ResultSummary result) {
    }

    /** The released result (E6): what the organisation and {@code EvaluationCompleted} see. */
    public record ResultSummary(List<DomainScoreView> domainScores, BigDecimal overall, String grade, String gradeZh,
                                boolean passed) {
    }

    /** Released results per grade over the whole city, and their sum. */
    public record GradeCounts(java.util.Map<String, Long> grades, long released) {
    }

    public record DomainScoreView(String domain, BigDecimal score) {
    }

    public record SheetScoreView(String evaluatorId, List<DomainScoreView> domainScores, BigDecimal overall, String grade,
                                 Instant submittedAt, String feedback) {
    }

    /** Aggregation with its flags, moderation and audit trail (E6, E5). */
    public record ResultsView(String evaluationId, String frameworkVersion, String status, int sheetsSubmitted,
                              List<String> waitingFor, ResultSummary aggregate, List<SheetScoreView> sheets,
                              List<Disagreement.IndicatorFlag> indicatorFlags, Disagreement.OverallFlag overallFlag,
                              boolean moderationRequired, List<EvaluationStore.ModerationNote> moderationNotes,
                              List<SheetStore.RevisionRow> revisions, List<EvaluationStore.Response> responses,
                              EvaluationStore.Appeal appeal) {
    }

    public record LevelView(String indicatorId, int level, List<String> evidence, String notes, Instant recordedAt) {
    }

    public record QaView(String question, String answer, Instant askedAt) {
    }

    /** One evaluator's sheet (E5). {@code revision} is what an offline client sends back as {@code baseRevision}. */
    public record SheetView(String id, String evaluationId, String evaluatorId, String status, long revision, String clientId,
                            Instant clientStartedAt, Instant clientSubmittedAt, Instant submittedAt, String feedback,
                            List<LevelView> levels, List<QaView> qa) {
    }

    /** What an evaluator downloads to score without a network: the sheet, its evaluation and the framework. */
    public record OfflinePackage(EvaluationView evaluation, SheetView sheet, long evaluationRevision,
                                 city.yingzao.evaluation.domain.Framework framework) {
    }

    public record FrameworkSummary(String version, String title, boolean provisional, int domains, int indicators,
                                   Instant importedAt, String importedBy, Instant usedAt) {
    }

    public record AssignmentChangeView(String evaluatorId, String action, String changedBy, Instant changedAt, String reason) {
    }

    public record EvaluatorView(String evaluatorId, Instant certificateValidUntil, String holderOrganisation,
                                int openAssignments) {
    }

    public record AssignmentView(String evaluatorId, boolean active, String assignedBy, Instant assignedAt, String removedBy,
                                 Instant removedAt, String removedReason) {
    }

    public record RankingRow(int rank, String evaluationId, String projectId, String organisationCode, String communityCode,
                             String status, int sheets, List<DomainScoreView> domainScores, BigDecimal overall, String grade,
                             boolean flagged) {
    }

    public record Ranking(String callId, String kind, int evaluations, long millis, List<RankingRow> rows) {
    }

    /** A project's released grades for the public: no names, no sheets. */
    public record PublicGrade(String kind, String frameworkVersion, BigDecimal overall, String grade, String gradeZh,
                              boolean passed, Instant releasedAt, boolean finalResult) {
    }
}

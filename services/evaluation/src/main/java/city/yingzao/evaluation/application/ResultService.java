package city.yingzao.evaluation.application;

import city.yingzao.evaluation.application.Views.DomainScoreView;
import city.yingzao.evaluation.application.Views.ResultSummary;
import city.yingzao.evaluation.application.Views.ResultsView;
import city.yingzao.evaluation.application.Views.SheetScoreView;
import city.yingzao.evaluation.domain.AppealWindow;
import city.yingzao.evaluation.domain.Disagreement;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.evaluation.domain.ReleasePolicy;
import city.yingzao.evaluation.domain.Scoring;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.evaluation.infrastructure.EvaluationStore.StoredDomainScore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.StoredResult;
import city.yingzao.evaluation.infrastructure.FrameworkStore;
import city.yingzao.evaluation.infrastructure.SheetStore;
import city.yingzao.evaluation.infrastructure.SheetStore.SheetRow;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aggregation and moderation (E6): scores per sheet and per evaluation with the disagreement flags;
 * a moderator (supervisor or city operator, never one of the evaluators) records moderation notes;
 * evaluators revise submitted levels where agreed (audited); release only when the policy holds.
 * A release opens the appeal window (E5); a release after a re-score upheld on appeal is final at
 * once and publishes {@code EvaluationCompleted}.
 */
@ApplicationScoped
public class ResultService {

    @Inject
    EvaluationService evaluationService;

    @Inject
    EvaluationStore evaluations;

    @Inject
    SheetStore sheets;

    @Inject
    FrameworkStore frameworks;

    @Inject
    Outbox outbox;

    @Inject
    Access access;

    public record Revision(String indicatorId, int level) {
    }

    /** The aggregation as it stands. */
    record Aggregate(Framework framework, List<Scoring.SheetLevels> levels, Scoring.Result result, Disagreement.Flags flags) {
    }

    @Transactional
    public ResultsView results(String id) {
        EvaluationRow e = evaluationService.find(id);
        List<String> active = evaluations.activeEvaluators(e.id());
        access.requireRead(e, active);
        boolean organisationOnly = !access.seesAll() && !access.supervisor() && !active.contains(access.who());
        if (organisationOnly && !e.status().visibleToOrganisation()) {
            throw Problems.outOfScope("the results of evaluation " + id + " before they are released");
        }
        return view(e, active);
    }

    @Transactional
    public ResultsView moderate(String id, String note) {
        EvaluationRow e = evaluationService.lock(id);
        access.requireModerator(e);
        List<String> active = evaluations.activeEvaluators(e.id());
        RuleViolation.throwIfAny(ReleasePolicy.moderator(access.who(), active));
        if (!e.status().revisable()) {
            throw Problems.conflict("evaluation " + id + " is " + e.status() + "; moderation happens before release");
        }
        evaluations.addModerationNote(e.id(), access.who(), note, Instant.now());
        return view(evaluations.find(e.id()).orElseThrow(), active);
    }

    /** An evaluator revises levels of their submitted sheet, after moderation or an upheld appeal; each change audited. */
    @Transactional
    public ResultsView revise(String id, String evaluatorId, List<Revision> changes, String reason) {
        access.requireSelf(evaluatorId);
        EvaluationRow e = evaluationService.lock(id);
        List<String> active = evaluations.activeEvaluators(e.id());
        if (!active.contains(evaluatorId)) {
            throw Problems.outOfScope(evaluatorId + " is not assigned to evaluation " + id);
        }
        if (!e.status().revisable()) {
            throw Problems.conflict(SheetService.changedEvaluation(e));
        }
        SheetRow sheet = sheets.lock(e.id(), evaluatorId).filter(SheetRow::submitted)
                .orElseThrow(() -> Problems.conflict("only a submitted sheet is revised; save the draft instead"));
        if (e.status() == EvaluationStatus.OPEN && evaluations.moderationNotes(e.id()).isEmpty()) {
            throw RuleViolation.of(new Rejection("E6", "a submitted sheet is revised only after a moderator's note"));
        }
        Framework framework = frameworks.find(e.frameworkVersion()).orElseThrow();
        Map<String, Integer> current = sheets.levels(sheet.id()).stream()
                .collect(Collectors.toMap(SheetStore.LevelRow::indicatorId, SheetStore.LevelRow::level));
        List<city.yingzao.kernel.problem.Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Revision r = changes.get(i);
            if (!framework.hasIndicator(r.indicatorId())) {
                errors.add(city.yingzao.kernel.problem.Problem.FieldError.of("changes[" + i + "].indicatorId",
                        "indicator " + r.indicatorId() + " is not in framework " + framework.version()));
            } else if (r.level() < 0 || r.level() > Framework.MAX_LEVEL) {
                errors.add(city.yingzao.kernel.problem.Problem.FieldError.of("changes[" + i + "].level", "level " + r.level()
                        + " is not between 0 and 4"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() + " change(s) in error; nothing was revised", errors);
        }
        String cause = e.status() == EvaluationStatus.RESCORING ? "APPEAL" : "MODERATION";
        Instant now = Instant.now();
        for (Revision r : changes) {
            int old = current.get(r.indicatorId());
            if (old != r.level()) {
                sheets.revise(sheet.id(), r.indicatorId(), old, r.level(), reason, cause, access.who(), now);
            }
        }
        return view(evaluations.find(e.id()).orElseThrow(), active);
    }

    @Transactional
    public ResultsView release(String id) {
        EvaluationRow e = evaluationService.lock(id);
        access.requireModerator(e);
        if (e.status() != EvaluationStatus.OPEN && e.status() != EvaluationStatus.RESCORING) {
            throw Problems.conflict("evaluation " + id + " is " + e.status() + "; only an open or re-scored evaluation is released");
        }
        List<String> active = evaluations.activeEvaluators(e.id());
        Aggregate a = aggregate(e);
        List<String> submitted = a.levels().stream().map(Scoring.SheetLevels::evaluatorId).toList();
        int notes = evaluations.moderationNotes(e.id()).size();
        RuleViolation.throwIfAny(ReleasePolicy.check(access.who(), active, submitted, a.flags(), notes));
        StoredResult result = stored(a);
        Instant now = Instant.now();
        if (e.status() == EvaluationStatus.RESCORING) {
            evaluations.rerelease(e.id(), access.who(), now, result);
            outbox.append(Events.completed(e, result, now, now));
        } else {
            evaluations.release(e.id(), access.who(), now, new AppealWindow(e.appealWindowDays()).closesAt(now), result);
        }
        return view(evaluations.find(e.id()).orElseThrow(), active);
    }

    Aggregate aggregate(EvaluationRow e) {
        Framework framework = frameworks.find(e.frameworkVersion()).orElseThrow();
        List<Scoring.SheetLevels> levels = sheets.submittedLevels(e.id()).stream()
                .filter(s -> Scoring.missing(framework, s.levels()).isEmpty()).toList();
        if (levels.isEmpty()) {
            return new Aggregate(framework, levels, null, new Disagreement.Flags(List.of(), null));
        }
        Scoring.Result result = Scoring.aggregate(framework, levels);
        return new Aggregate(framework, levels, result, Disagreement.of(framework, levels, result.sheets()));
    }

    static StoredResult stored(Aggregate a) {
        return new StoredResult(a.result().domainScores().stream().map(d -> new StoredDomainScore(d.domainId(), d.score())).toList(),
                a.result().overall(), a.result().grade().name(), a.result().passed(), a.flags().any());
    }

    ResultsView view(EvaluationRow e, List<String> active) {
        Aggregate a = aggregate(e);
        Map<String, SheetRow> byEvaluator = sheets.ofEvaluation(e.id()).stream()
                .collect(Collectors.toMap(SheetRow::evaluatorId, s -> s));
        List<SheetScoreView> perSheet = a.result() == null ? List.of() : a.result().sheets().stream()
                .map(s -> new SheetScoreView(s.evaluatorId(), scores(s.domainScores()), s.overall(), s.grade().name(),
                        byEvaluator.get(s.evaluatorId()).submittedAt(), byEvaluator.get(s.evaluatorId()).feedback()))
                .toList();
        List<String> submitted = a.levels().stream().map(Scoring.SheetLevels::evaluatorId).toList();
        List<String> waiting = active.stream().filter(x -> !submitted.contains(x)).toList();
        ResultSummary aggregate = a.result() == null ? null : new ResultSummary(scores(a.result().domainScores()),
                a.result().overall(), a.result().grade().name(), a.result().grade().zh(), a.result().passed());
        List<EvaluationStore.ModerationNote> notes = evaluations.moderationNotes(e.id());
        return new ResultsView(e.id().toString(), e.frameworkVersion(), e.status().name(), submitted.size(), waiting, aggregate,
                perSheet, a.flags().indicators(), a.flags().overall(), a.flags().any() && notes.isEmpty(), notes,
                sheets.revisions(e.id()), evaluations.responses(e.id()), evaluations.appeal(e.id()).orElse(null));
    }

    static List<DomainScoreView> scores(List<Scoring.DomainScore> scores) {
        return scores.stream().map(s -> new DomainScoreView(s.domainId(), s.score())).toList();
    }
}

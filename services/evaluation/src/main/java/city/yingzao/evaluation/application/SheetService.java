package city.yingzao.evaluation.application;

import city.yingzao.evaluation.application.Views.LevelView;
import city.yingzao.evaluation.application.Views.OfflinePackage;
import city.yingzao.evaluation.application.Views.QaView;
import city.yingzao.evaluation.application.Views.SheetView;
import city.yingzao.evaluation.domain.ConflictPolicy;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.evaluation.domain.Scoring;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.AssignmentRow;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.evaluation.infrastructure.FrameworkStore;
import city.yingzao.evaluation.infrastructure.SheetStore;
import city.yingzao.evaluation.infrastructure.SheetStore.LevelRow;
import city.yingzao.evaluation.infrastructure.SheetStore.QaRow;
import city.yingzao.evaluation.infrastructure.SheetStore.SheetRow;
import city.yingzao.kernel.problem.Problem;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * On-site scoring (E5): one sheet per evaluator; per indicator a level 0-4, evidence references and
 * notes; a Q&A log with the organisation; written feedback. A draft may be saved as often as wanted;
 * a sheet is submitted whole and then locked. Offline first: the sheet and its framework are
 * downloaded, filled without a network and submitted as one batch carrying the client's timestamps
 * and its own id, so a retry answers with the sheet it made and never makes a second; when the
 * sheet changed on the server meanwhile (the evaluator was removed, the evaluation cancelled or
 * released, the draft saved elsewhere) the batch is refused with 409 naming what changed.
 */
@ApplicationScoped
public class SheetService {

    @Inject
    EvaluationService evaluationService;

    @Inject
    EvaluationStore evaluations;

    @Inject
    SheetStore sheets;

    @Inject
    FrameworkStore frameworks;

    @Inject
    Access access;

    public record LevelInput(String indicatorId, int level, List<String> evidence, String notes, Instant recordedAt) {
    }

    public record QaInput(String question, String answer, Instant askedAt) {
    }

    /**
     * A sheet as a client sends it. {@code clientId} and the client timestamps come from an offline
     * batch; {@code baseRevision} is the sheet revision the client started from (from the download).
     */
    public record SheetInput(UUID clientId, Long baseRevision, Instant clientStartedAt, Instant clientSubmittedAt,
                             List<LevelInput> levels, List<QaInput> qa, String feedback) {
    }

    /** What a submission did: {@code created} false when it replayed a batch already applied. */
    public record Submitted(SheetView sheet, boolean replayed) {
    }

    @Transactional
    public OfflinePackage download(String id, String evaluatorId) {
        access.requireSelf(evaluatorId);
        EvaluationRow e = evaluationService.find(id);
        requireAssigned(e, evaluatorId, false);
        SheetView sheet = sheets.find(e.id(), evaluatorId).map(this::view)
                .orElse(new SheetView(null, e.id().toString(), evaluatorId, "NEW", 0, null, null, null, null, null, List.of(), List.of()));
        return new OfflinePackage(EvaluationService.view(e, evaluations.activeEvaluators(e.id())), sheet, e.revision(),
                frameworks.find(e.frameworkVersion()).orElseThrow());
    }

    @Transactional
    public SheetView mine(String id, String evaluatorId) {
        access.requireSelf(evaluatorId);
        EvaluationRow e = evaluationService.find(id);
        requireAssigned(e, evaluatorId, false);
        return sheets.find(e.id(), evaluatorId).map(this::view).orElseThrow(() -> Problems.notFound("sheet of " + evaluatorId
                + " in evaluation", id));
    }

    @Transactional
    public SheetView saveDraft(String id, String evaluatorId, SheetInput input) {
        return write(id, evaluatorId, input, false).sheet();
    }

    @Transactional
    public Submitted submit(String id, String evaluatorId, SheetInput input) {
        return write(id, evaluatorId, input, true);
    }

    private Submitted write(String id, String evaluatorId, SheetInput input, boolean submit) {
        access.requireSelf(evaluatorId);
        EvaluationRow e = evaluationService.lock(id);
        if (input.clientId() != null) {
            Optional<SheetRow> earlier = sheets.byClientId(input.clientId());
            if (earlier.isPresent()) {
                SheetRow s = earlier.get();
                if (!s.evaluationId().equals(e.id()) || !s.evaluatorId().equals(evaluatorId)) {
                    throw Problems.conflict("batch " + input.clientId() + " belongs to another sheet; a new batch needs a new id");
                }
                if (s.submitted() || !submit) {
                    return new Submitted(view(s), true);
                }
            }
        }
        requireAssigned(e, evaluatorId, true);
        if (e.status() != EvaluationStatus.OPEN) {
            throw Problems.conflict(changedEvaluation(e));
        }
        Framework framework = frameworks.find(e.frameworkVersion()).orElseThrow();
        List<LevelRow> levels = validate(framework, input, submit);
        if (submit) {
            List<Rejection> conflicts = ConflictPolicy.check(evaluatorId, access.org().orElse(null),
                    new city.yingzao.evaluation.domain.ProjectParties(e.organisationCode(), List.of(), List.of()));
            RuleViolation.throwIfAny(conflicts);
        }
        Instant now = Instant.now();
        SheetRow sheet = sheets.lock(e.id(), evaluatorId).orElseGet(() -> sheets.create(e.id(), evaluatorId, now));
        if (sheet.submitted()) {
            throw Problems.conflict("the sheet of " + evaluatorId + " was submitted at " + sheet.submittedAt()
                    + " and is locked; changes after submission go through revisions");
        }
        if (input.baseRevision() != null && input.baseRevision() != sheet.revision()) {
            throw Problems.conflict("the sheet changed on the server since revision " + input.baseRevision() + " (now "
                    + sheet.revision() + ", saved " + sheet.updatedAt() + "): " + differences(sheet, levels, input)
                    + "; download it again and reconcile");
        }
        sheets.write(sheet.id(), levels, qa(input), input.feedback(), submit, input.clientId(), input.clientStartedAt(),
                input.clientSubmittedAt(), now);
        return new Submitted(view(sheets.find(e.id(), evaluatorId).orElseThrow()), false);
    }

    private void requireAssigned(EvaluationRow e, String evaluatorId, boolean forWriting) {
        Optional<AssignmentRow> a = evaluations.assignments(e.id()).stream().filter(r -> r.evaluatorId().equals(evaluatorId)).findFirst();
        if (a.isEmpty()) {
            throw Problems.outOfScope(evaluatorId + " is not assigned to evaluation " + e.id());
        }
        if (!a.get().active()) {
            String why = evaluatorId + " was removed from evaluation " + e.id() + " at " + a.get().removedAt() + " by "
                    + a.get().removedBy() + (a.get().removedReason() == null ? "" : " (" + a.get().removedReason() + ")");
            if (forWriting) {
                throw Problems.conflict(why + "; the sheet can no longer be written");
            }
            throw Problems.outOfScope(why);
        }
    }

    static String changedEvaluation(EvaluationRow e) {
        return switch (e.status()) {
            case CANCELLED -> "evaluation " + e.id() + " was cancelled" + (e.cancelledReason() == null ? "" : " (" + e.cancelledReason() + ")")
                    + "; the sheet was not taken";
            case RELEASED, APPEALED, FINAL -> "evaluation " + e.id() + " was released at " + e.releasedAt()
                    + "; sheets are locked (now " + e.status() + ")";
            case RESCORING -> "evaluation " + e.id() + " is being re-scored after an appeal; change levels through revisions";
            default -> "evaluation " + e.id() + " is " + e.status();
        };
    }

    /** Levels named by the framework, each once, in 0-4; a submission covers every indicator. */
    private static List<LevelRow> validate(Framework framework, SheetInput input, boolean submit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> levels = new HashMap<>();
        List<LevelRow> rows = new ArrayList<>();
        List<LevelInput> given = input.levels() == null ? List.of() : input.levels();
        for (int i = 0; i < given.size(); i++) {
            LevelInput l = given.get(i);
            String field = "levels[" + i + "]";
            if (l == null || l.indicatorId() == null) {
                errors.add(Problem.FieldError.of(field + ".indicatorId", "is required"));
                continue;
            }
            if (!framework.hasIndicator(l.indicatorId())) {
                errors.add(Problem.FieldError.of(field + ".indicatorId", "indicator " + l.indicatorId() + " is not in framework "
                        + framework.version()));
                continue;
            }
            if (l.level() < 0 || l.level() > Framework.MAX_LEVEL) {
                errors.add(Problem.FieldError.of(field + ".level", "level " + l.level() + " is not between 0 and 4"));
                continue;
            }
            if (levels.put(l.indicatorId(), l.level()) != null) {
                errors.add(Problem.FieldError.of(field + ".indicatorId", "indicator " + l.indicatorId() + " is scored twice"));
                continue;
            }
            rows.add(new LevelRow(l.indicatorId(), l.level(), l.evidence() == null ? List.of() : l.evidence(), l.notes(), l.recordedAt()));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors.size() + " level(s) in error; nothing was saved", errors);
        }
        if (submit) {
            List<String> missing = Scoring.missing(framework, levels);
            if (!missing.isEmpty()) {
                throw RuleViolation.of(new Rejection("E5", "a sheet is submitted whole; no level for " + missing.size()
                        + " indicator(s): " + String.join(", ", missing)));
            }
            if (input.feedback() == null || input.feedback().isBlank()) {
                throw RuleViolation.of(new Rejection("E5", "a submitted sheet carries written feedback for the organisation"));
            }
        }
        return rows;
    }

    private static List<QaRow> qa(SheetInput input) {
        return input.qa() == null ? List.of()
                : input.qa().stream().filter(Objects::nonNull).map(q -> new QaRow(q.question(), q.answer(), q.askedAt())).toList();
    }

    /** What the server's draft holds that the client's batch does not. */
    private String differences(SheetRow sheet, List<LevelRow> incoming, SheetInput input) {
        Map<String, Integer> server = new HashMap<>();
        sheets.levels(sheet.id()).forEach(l -> server.put(l.indicatorId(), l.level()));
        Map<String, Integer> client = new HashMap<>();
        incoming.forEach(l -> client.put(l.indicatorId(), l.level()));
        Set<String> ids = new HashSet<>(server.keySet());
        ids.addAll(client.keySet());
        List<String> differing = ids.stream().filter(i -> !Objects.equals(server.get(i), client.get(i))).sorted().toList();
        List<String> parts = new ArrayList<>();
        if (!differing.isEmpty()) {
            parts.add("levels of " + String.join(", ", differing) + " differ");
        }
        if (!Objects.equals(sheet.feedback(), input.feedback())) {
            parts.add("the feedback differs");
        }
        return parts.isEmpty() ? "the notes or evidence were saved from elsewhere" : String.join("; ", parts);
    }

    SheetView view(SheetRow s) {
        return new SheetView(s.id().toString(), s.evaluationId().toString(), s.evaluatorId(), s.status(), s.revision(),
                s.clientId() == null ? null : s.clientId().toString(), s.clientStartedAt(), s.clientSubmittedAt(), s.submittedAt(),
                s.feedback(), sheets.levels(s.id()).stream().map(l -> new LevelView(l.indicatorId(), l.level(), l.evidence(),
                        l.notes(), l.recordedAt())).toList(),
                sheets.qa(s.id()).stream().map(q -> new QaView(q.question(), q.answer(), q.askedAt())).toList());
    }
}

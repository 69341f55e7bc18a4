package city.yingzao.evaluation.application;

import city.yingzao.evaluation.application.Views.DomainScoreView;
import city.yingzao.evaluation.application.Views.EvaluationView;
import city.yingzao.evaluation.application.Views.ResultSummary;
import city.yingzao.evaluation.domain.AppealWindow;
import city.yingzao.evaluation.domain.EvaluationKind;
import city.yingzao.evaluation.domain.EvaluationSchedule;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.evaluation.domain.Grade;
import city.yingzao.evaluation.infrastructure.EvaluationOpening;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.evaluation.infrastructure.EvaluationStore.StoredResult;
import city.yingzao.evaluation.infrastructure.FrameworkStore;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluations of a project: opened from {@code ProjectStarted} (mid-term and final) or on demand by
 * the city operator; listed by who may see them; their framework shown to the organisation from
 * the project's first day (E4); cancelled with a reason.
 */
@ApplicationScoped
public class EvaluationService {

    @Inject
    EvaluationStore evaluations;

    @Inject
    EvaluationOpening opening;

    @Inject
    FrameworkStore frameworks;

    @Inject
    Access access;

    /** An evaluation an operator asks for, e.g. of a finance project at step 8 or a grant project not announced here. */
    public record OnDemand(String projectId, String callId, String organisationCode, String communityCode, String title,
                           String kind, LocalDate projectStartsOn, LocalDate windowOpensOn, LocalDate windowClosesOn,
                           String frameworkVersion) {
    }

    @Transactional
    public EvaluationView create(OnDemand d) {
        EvaluationKind kind = parseKind(d.kind() == null ? "ON_DEMAND" : d.kind());
        if (d.windowClosesOn().isBefore(d.windowOpensOn())) {
            throw Problems.invalid("windowClosesOn", "must not be before windowOpensOn");
        }
        if (d.frameworkVersion() != null && frameworks.summary(d.frameworkVersion()).isEmpty()) {
            throw Problems.notFound("framework", d.frameworkVersion());
        }
        LocalDate visible = d.projectStartsOn() != null ? d.projectStartsOn() : Instant.now().atZone(AppealWindow.SHANGHAI).toLocalDate();
        EvaluationOpening.Subject subject = new EvaluationOpening.Subject(d.projectId(), d.callId(), d.organisationCode(),
                d.communityCode(), d.title(), visible);
        EvaluationRow row = opening.open(subject, kind, new EvaluationSchedule(d.windowOpensOn(), d.windowClosesOn()),
                        d.frameworkVersion(), access.who(), Instant.now())
                .orElseThrow(() -> Problems.alreadyExists("a " + kind + " evaluation of project", d.projectId()));
        return view(row, List.of());
    }

    @Transactional
    public List<EvaluationView> list(String callId, String status, String organisation, int limit) {
        if (status != null) {
            try {
                EvaluationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("status", "one of " + java.util.Arrays.toString(EvaluationStatus.values()));
            }
        }
        List<EvaluationRow> rows;
        if (access.seesAll()) {
            rows = evaluations.list(organisation, null, callId, status, false, limit);
        } else if (access.supervisor()) {
            rows = evaluations.list(organisation, null, callId, status, true, limit);
        } else if (access.evaluator()) {
            rows = evaluations.list(organisation, access.who(), callId, status, false, limit);
        } else if (access.org().isPresent()) {
            rows = evaluations.list(access.org().get(), null, callId, status, false, limit);
        } else {
            rows = List.of();
        }
        Map<UUID, List<String>> evaluators = evaluations.activeEvaluators(rows.stream().map(EvaluationRow::id).toList());
        return rows.stream().map(r -> view(r, evaluators.getOrDefault(r.id(), List.of()))).toList();
    }

    /** The city's released results per grade (EXCELLENT, GOOD, PASS, FAIL), for those who see every evaluation. */
    @Transactional
    public Views.GradeCounts gradeCounts() {
        access.requireSeesAll("the grades of the city's evaluations");
        Map<String, Long> counted = evaluations.gradeCounts();
        Map<String, Long> inOrder = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            inOrder.put(g.name(), counted.getOrDefault(g.name(), 0L));
        }
        return new Views.GradeCounts(inOrder, inOrder.values().stream().mapToLong(Long::longValue).sum());
    }

    @Transactional
    public EvaluationView get(String id) {
        EvaluationRow e = find(id);
        List<String> evaluators = evaluations.activeEvaluators(e.id());
        access.requireRead(e, evaluators);
        return view(e, evaluators);
    }

    /** E4: the framework the evaluation is scored against, to its organisation from the project's first day. */
    @Transactional
    public Framework framework(String id) {
        EvaluationRow e = find(id);
        List<String> evaluators = evaluations.activeEvaluators(e.id());
        access.requireRead(e, evaluators);
        if (!access.seesAll() && !access.supervisor() && !evaluators.contains(access.who())) {
            LocalDate today = Instant.now().atZone(AppealWindow.SHANGHAI).toLocalDate();
            if (today.isBefore(e.visibleFrom())) {
                throw new RuleViolation(403, List.of(new Rejection("E4", "the framework of this evaluation is visible to the organisation from "
                        + e.visibleFrom() + ", the day its project starts")));
            }
        }
        return frameworks.find(e.frameworkVersion()).orElseThrow();
    }

    @Transactional
    public EvaluationView cancel(String id, String reason) {
        EvaluationRow e = lock(id);
        if (e.status() != EvaluationStatus.OPEN) {
            throw Problems.conflict("evaluation " + id + " is " + e.status() + "; only an open evaluation can be cancelled");
        }
        evaluations.cancel(e.id(), reason);
        return view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    EvaluationRow find(String id) {
        return evaluations.find(parse(id)).orElseThrow(() -> Access.notFound(id));
    }

    EvaluationRow lock(String id) {
        return evaluations.lock(parse(id)).orElseThrow(() -> Access.notFound(id));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Access.notFound(id);
        }
    }

    static EvaluationKind parseKind(String kind) {
        try {
            return EvaluationKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("kind", "one of MID_TERM, FINAL, ON_DEMAND");
        }
    }

    static EvaluationView view(EvaluationRow e, List<String> evaluators) {
        return new EvaluationView(e.id().toString(), e.projectId(), e.callId(), e.organisationCode(), e.communityCode(), e.kind().name(),
                e.title(), e.frameworkVersion(), e.visibleFrom(), e.windowOpensOn(), e.windowClosesOn(), e.evaluatorsWanted(),
                e.appealWindowDays(), e.status().name(), e.cancelledReason(), evaluators, e.releasedAt(), e.appealClosesAt(),
                e.completedAt(), e.status().visibleToOrganisation() ? summary(e.result()) : null);
    }

    static ResultSummary summary(StoredResult r) {
        if (r == null) {
            return null;
        }
        Grade g = Grade.valueOf(r.grade());
        return new ResultSummary(r.domainScores().stream().map(d -> new DomainScoreView(d.domain(), d.score())).toList(), r.overall(),
                g.name(), g.zh(), r.passed());
    }
}

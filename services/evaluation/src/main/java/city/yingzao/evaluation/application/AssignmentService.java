package city.yingzao.evaluation.application;

import city.yingzao.certificates.application.Certificates;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.evaluation.application.Views.AssignmentView;
import city.yingzao.evaluation.application.Views.EvaluationView;
import city.yingzao.evaluation.application.Views.EvaluatorView;
import city.yingzao.evaluation.domain.AppealWindow;
import city.yingzao.evaluation.domain.ConflictPolicy;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.domain.ProjectParties;
import city.yingzao.evaluation.domain.WorkloadBalance;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
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
import java.util.Optional;

/**
 * Evaluators and assignment (E2, E3): the pool is everyone with a current participatory evaluator
 * certificate; an assignment is refused for a certificate that is missing, expired, suspended,
 * revoked or ends before the evaluation and its appeal window do, and for a conflict; an evaluation
 * takes up to its frozen number of evaluators (2-3), chosen by workload when automatic; every
 * change is audited.
 */
@ApplicationScoped
public class AssignmentService {

    @Inject
    EvaluationStore evaluations;

    @Inject
    Certificates certificates;

    @Inject
    EvaluationService evaluationService;

    @Inject
    Access access;

    @Transactional
    public List<EvaluatorView> pool() {
        Instant now = Instant.now();
        List<HeldCertificate> pool = certificates.pool(Certificates.PARTICIPATORY_EVALUATOR, now, now);
        Map<String, Integer> load = evaluations.openAssignments(pool.stream().map(HeldCertificate::personId).toList());
        return pool.stream().map(c -> new EvaluatorView(c.personId(), c.validUntil(), c.holderOrganisation(),
                load.getOrDefault(c.personId(), 0))).toList();
    }

    @Transactional
    public EvaluationView assign(String id, String evaluatorId, String reason) {
        EvaluationRow e = openForAssignment(id);
        List<String> active = evaluations.activeEvaluators(e.id());
        if (active.contains(evaluatorId)) {
            throw Problems.conflict(evaluatorId + " is assigned to evaluation " + id + " already");
        }
        if (active.size() >= e.evaluatorsWanted()) {
            throw new RuleViolation(409, List.of(new Rejection("E6", "evaluation " + id + " has its " + e.evaluatorsWanted()
                    + " evaluators already; remove one first")));
        }
        RuleViolation.throwIfAny(eligibility(e, evaluatorId, Instant.now()));
        evaluations.assign(e.id(), evaluatorId, access.who(), Instant.now(), reason);
        return EvaluationService.view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    /** Fills the evaluation up to its number of evaluators with the least-loaded eligible ones. */
    @Transactional
    public EvaluationView autoAssign(String id) {
        EvaluationRow e = openForAssignment(id);
        List<String> active = evaluations.activeEvaluators(e.id());
        int wanted = e.evaluatorsWanted() - active.size();
        if (wanted > 0) {
            Instant now = Instant.now();
            List<HeldCertificate> pool = certificates.pool(Certificates.PARTICIPATORY_EVALUATOR, now, mustHold(e));
            Map<String, Integer> load = evaluations.openAssignments(pool.stream().map(HeldCertificate::personId).toList());
            List<WorkloadBalance.Candidate> eligible = new ArrayList<>();
            for (HeldCertificate c : pool) {
                if (!active.contains(c.personId()) && eligibility(e, c.personId(), now).isEmpty()) {
                    eligible.add(new WorkloadBalance.Candidate(c.personId(), load.getOrDefault(c.personId(), 0)));
                }
            }
            List<String> chosen = WorkloadBalance.choose(eligible, wanted);
            if (chosen.size() < wanted) {
                throw new RuleViolation(409, List.of(new Rejection("E2", "only " + chosen.size() + " of the " + wanted
                        + " evaluators needed are certified, available and without conflict")));
            }
            for (String evaluator : chosen) {
                evaluations.assign(e.id(), evaluator, access.who(), now, "automatic, by workload");
            }
        }
        return EvaluationService.view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    @Transactional
    public EvaluationView remove(String id, String evaluatorId, String reason) {
        EvaluationRow e = openForAssignment(id);
        if (!evaluations.remove(e.id(), evaluatorId, access.who(), Instant.now(), reason)) {
            throw Problems.notFound("assignment of " + evaluatorId + " to evaluation", id);
        }
        return EvaluationService.view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    @Transactional
    public List<AssignmentView> assignments(String id) {
        EvaluationRow e = evaluationService.find(id);
        return evaluations.assignments(e.id()).stream().map(a -> new AssignmentView(a.evaluatorId(), a.active(), a.assignedBy(),
                a.assignedAt(), a.removedBy(), a.removedAt(), a.removedReason())).toList();
    }

    @Transactional
    public List<Views.AssignmentChangeView> history(String id) {
        return evaluations.changes(evaluationService.find(id).id()).stream().map(c -> new Views.AssignmentChangeView(c.evaluatorId(),
                c.action(), c.changedBy(), c.changedAt(), c.reason())).toList();
    }

    /** E2 and E3 for one candidate on one evaluation. */
    List<Rejection> eligibility(EvaluationRow e, String evaluatorId, Instant now) {
        List<Rejection> rejections = new ArrayList<>();
        certificates.check("E2", evaluatorId, Certificates.PARTICIPATORY_EVALUATOR, now, mustHold(e)).ifPresent(rejections::add);
        Optional<HeldCertificate> certificate = certificates.current(evaluatorId, Certificates.PARTICIPATORY_EVALUATOR, now);
        rejections.addAll(ConflictPolicy.check(evaluatorId, certificate.map(HeldCertificate::holderOrganisation).orElse(null),
                parties(e)));
        return rejections;
    }

    /** E2: an evaluator's certificate must hold until the evaluation window and then its appeal window end. */
    static Instant mustHold(EvaluationRow e) {
        return new AppealWindow(e.appealWindowDays()).closesAfterDay(e.windowClosesOn());
    }

    ProjectParties parties(EvaluationRow e) {
        return evaluations.project(e.projectId())
                .map(p -> new ProjectParties(e.organisationCode(), p.reviewerIds(), p.supervisionTeam()))
                .orElse(new ProjectParties(e.organisationCode(), List.of(), List.of()));
    }

    private EvaluationRow openForAssignment(String id) {
        EvaluationRow e = evaluationService.lock(id);
        if (e.status() != EvaluationStatus.OPEN) {
            throw Problems.conflict("evaluation " + id + " is " + e.status() + "; assignments change only while it is open");
        }
        return e;
    }
}

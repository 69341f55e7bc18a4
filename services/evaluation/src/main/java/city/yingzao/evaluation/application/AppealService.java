package city.yingzao.evaluation.application;

import city.yingzao.evaluation.application.Views.ResultsView;
import city.yingzao.evaluation.domain.AppealWindow;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Feedback and appeal (E5): after release the organisation may respond or appeal within the window
 * frozen on its evaluation (Asia/Shanghai days). An appeal holds the result: no
 * {@code EvaluationCompleted} until the city operator decides it with a reason; dismissed, the
 * released result becomes final; upheld, the evaluators re-score (audited) and the new release is
 * final. A result nobody appealed becomes final when its window closes, published once by a job
 * that two replicas never run on the same evaluation.
 */
@ApplicationScoped
public class AppealService {

    private static final Logger LOG = Logger.getLogger(AppealService.class);
    static final int WINDOW_BATCH = 500;

    @Inject
    EvaluationService evaluationService;

    @Inject
    ResultService results;

    @Inject
    EvaluationStore evaluations;

    @Inject
    Outbox outbox;

    @Inject
    Access access;

    @Transactional
    public ResultsView respond(String id, String text) {
        EvaluationRow e = evaluationService.lock(id);
        access.requireOrganisation(e);
        requireWindowOpen(e);
        evaluations.addResponse(e.id(), text, access.who(), Instant.now());
        return results.view(e, evaluations.activeEvaluators(e.id()));
    }

    @Transactional
    public ResultsView appeal(String id, String reason) {
        EvaluationRow e = evaluationService.lock(id);
        access.requireOrganisation(e);
        requireWindowOpen(e);
        Instant now = Instant.now();
        if (!evaluations.openAppeal(e.id(), reason, access.who(), now)) {
            throw Problems.conflict("evaluation " + id + " was appealed already");
        }
        evaluations.setStatus(e.id(), EvaluationStatus.APPEALED);
        outbox.append(Events.appealOpened(e, now));
        return results.view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    @Transactional
    public ResultsView decide(String id, boolean upheld, String reason) {
        EvaluationRow e = evaluationService.lock(id);
        if (e.status() != EvaluationStatus.APPEALED) {
            throw Problems.conflict("evaluation " + id + " is " + e.status() + "; there is no open appeal to decide");
        }
        Instant now = Instant.now();
        evaluations.decideAppeal(e.id(), upheld, reason, access.who(), now);
        outbox.append(Events.appealDecided(e, upheld, now));
        if (upheld) {
            evaluations.setStatus(e.id(), EvaluationStatus.RESCORING);
        } else {
            evaluations.complete(e.id(), now);
            outbox.append(Events.completed(e, e.result(), e.releasedAt(), now));
        }
        return results.view(evaluations.find(e.id()).orElseThrow(), evaluations.activeEvaluators(e.id()));
    }

    private void requireWindowOpen(EvaluationRow e) {
        if (e.status() != EvaluationStatus.RELEASED) {
            throw Problems.conflict("evaluation " + e.id() + " is " + e.status()
                    + (e.status().visibleToOrganisation() ? "; its appeal window is over" : "; it has not been released"));
        }
        new AppealWindow(e.appealWindowDays()).check(e.releasedAt(), Instant.now())
                .ifPresent(r -> {
                    throw new RuleViolation(409, List.of(r));
                });
    }

    /** Every result whose appeal window closed without an appeal becomes final, once. */
    @Scheduled(every = "${yingzao.evaluation.window-check-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeWindows() {
        int closed;
        do {
            closed = QuarkusTransaction.requiringNew().call(() -> closeDueWindows(Instant.now()));
        } while (closed == WINDOW_BATCH);
    }

    /** One batch, in the caller's transaction; the number of results made final. */
    public int closeDueWindows(Instant now) {
        List<UUID> due = evaluations.lockDueWindows(now, WINDOW_BATCH);
        for (UUID id : due) {
            EvaluationRow e = evaluations.find(id).orElseThrow();
            evaluations.complete(id, now);
            outbox.append(Events.completed(e, e.result(), e.releasedAt(), now));
        }
        if (!due.isEmpty()) {
            LOG.infof("%d appeal window(s) closed; results final", due.size());
        }
        return due.size();
    }
}

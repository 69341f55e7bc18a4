package city.yingzao.grants.application;

import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.ReleaseCondition;
import city.yingzao.grants.domain.ReleasePolicy;
import city.yingzao.grants.domain.Tranche;
import city.yingzao.grants.infrastructure.ProjectStore;
import city.yingzao.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * G4: releasing tranches exactly once. Every path (an evaluation result, a report, the agreement, an
 * operator) runs inside a transaction that has locked the project row, so two replicas or a redelivery
 * queue behind each other and the second finds the tranche released; the primary key of
 * {@code tranche_release} (project, tranche) is the last guard. A release posts the amount out of the
 * programme's budget ledger and publishes {@link TrancheReleasedV1} through the outbox.
 */
@ApplicationScoped
public class TrancheReleases {

    static final String OPERATOR_HOLD = "operator hold: ";

    @Inject
    ProjectStore projects;

    @Inject
    BudgetLedger ledger;

    @Inject
    Outbox outbox;

    /** Releases one tranche; false when it was released already. The project must be locked by the caller. */
    boolean release(Project p, Tranche t, String releasedBy, String actor, String reason, String evaluationId) {
        if (t.status() == Tranche.Status.RELEASED) {
            return false;
        }
        Instant now = Instant.now();
        BudgetEntry entry = ledger.post(p.programmeYear(), BudgetEntry.Kind.TRANCHE_RELEASE, "project:" + p.id() + ":tranche:" + t.number(),
                "tranche " + t.number() + " (" + t.condition() + ") of project " + p.id() + " to organisation " + p.organisationCode(),
                -t.amountFen());
        if (!projects.insertRelease(p.id(), t.number(), t.amountFen(), releasedBy, actor, reason, evaluationId, entry.id(), now)) {
            // another transaction released it between our read and this insert: undo our ledger entry with the rest
            throw new IllegalStateException("tranche " + t.number() + " of project " + p.id() + " was released concurrently");
        }
        projects.setTranche(p.id(), t.number(), Tranche.Status.RELEASED, null);
        outbox.append(new TrancheReleasedV1(p.id(), p.organisationCode(), p.targetCode(), t.number(), t.amountFen(), t.condition().name(),
                evaluationId, releasedBy, now));
        return true;
    }

    // G4: an evidence (evaluation, appeal, report) holds the tranches it fails, frees those it passes (never an
    // operator's hold), then every next tranche whose condition holds is released, in order
    int apply(Project p, ReleasePolicy.Evidence evidence, String evaluationId, Evidence held) {
        boolean earlierReleased = true;
        for (Tranche t : projects.tranches(p.id())) {
            if (t.status() != Tranche.Status.RELEASED) {
                ReleasePolicy.Decision d = ReleasePolicy.decide(t.condition(), earlierReleased, evidence);
                boolean operatorHeld = t.status() == Tranche.Status.HELD && t.holdReason() != null && t.holdReason().startsWith(OPERATOR_HOLD);
                if (d.outcome() == ReleasePolicy.Outcome.HOLD && !operatorHeld) {
                    projects.setTranche(p.id(), t.number(), Tranche.Status.HELD,
                            d.reason() + (evaluationId == null ? "" : " (evaluation " + evaluationId + ")"));
                } else if ((d.outcome() == ReleasePolicy.Outcome.RELEASE || d.outcome() == ReleasePolicy.Outcome.WAIT_FOR_EARLIER)
                        && t.status() == Tranche.Status.HELD && !operatorHeld) {
                    projects.setTranche(p.id(), t.number(), Tranche.Status.PENDING, null);
                }
            }
            earlierReleased = earlierReleased && t.status() == Tranche.Status.RELEASED;
        }
        return advance(p, held);
    }

    /** What has been shown so far for a project: a signed agreement, passed evaluations without open appeal, a report. */
    public interface Evidence {
        boolean holds(ReleaseCondition condition);

        String evaluationFor(ReleaseCondition condition);
    }

    // G4: release, in order, every next tranche whose condition already holds (e.g. a mid-term passed before tranche 1 was paid)
    int advance(Project p, Evidence held) {
        int released = 0;
        for (Tranche t : projects.tranches(p.id())) {
            if (t.status() == Tranche.Status.RELEASED) {
                continue;
            }
            if (t.status() == Tranche.Status.HELD || !held.holds(t.condition())) {
                break;
            }
            if (release(p, t, "AUTOMATIC", "system", t.condition() + " holds", held.evaluationFor(t.condition()))) {
                released++;
            }
        }
        return released;
    }
}

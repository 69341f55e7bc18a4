package city.yingzao.finance.application;

import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.finance.infrastructure.ProjectStore;
import city.yingzao.finance.infrastructure.ReplicaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The effects of the events this service consumes, each applied inside the idempotent consumer's
 * transaction: registry snapshots replace the local copy when newer; council decisions are kept
 * once (a second delivery, or the same resolution under another event id, changes nothing).
 */
@ApplicationScoped
public class ReplicaService {

    @Inject
    ReplicaStore replica;

    @Inject
    ProjectStore projects;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CommunitySnapshotV1 s) {
        replica.replaceCommunity(s.code(), s.name(), s.kind(), s.districtCode(), s.districtTier(), s.registeredHouseholds(),
                s.revision());
    }

    /** F7: a household that moved out ({@code active} false) stays known but may not vote. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(HouseholdSnapshotV1 s) {
        replica.replaceHousehold(s.communityCode(), s.code(), s.active(), s.revision());
    }

    /** F6 step 4: what step 4 of a project waits for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ResolutionAdoptedV1 r) {
        projects.recordDecision(r.resolutionId(), "ADOPTED", r.communityCode(), r.subjectType(), r.subjectRef(), r.title(),
                null, r.adoptedAt());
    }

    /** Kept so a project shows that its motion failed; it opens no gate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MotionRejectedV1 m) {
        projects.recordDecision(m.motionId(), "REJECTED", m.communityCode(), m.subjectType(), m.subjectRef(), m.title(),
                m.reason(), m.decidedAt());
    }
}

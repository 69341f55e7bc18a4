package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Motions and amendments. */
@ApplicationScoped
public class MotionRepository implements PanacheRepositoryBase<MotionEntity, UUID> {

    /** The motions of a meeting in one of the states, in the order they were moved. */
    public List<MotionEntity> ofMeeting(UUID meetingId, List<city.yingzao.deliberation.domain.MotionStatus> statuses) {
        return list("meetingId = ?1 and status in ?2 order by movedAt", meetingId, statuses);
    }

    public List<MotionEntity> ofItem(UUID itemId) {
        return list("itemId = ?1 order by movedAt", itemId);
    }

    /** The row, or 404. */
    public MotionEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("motion", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public MotionEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("motion", String.valueOf(id)));
    }
}

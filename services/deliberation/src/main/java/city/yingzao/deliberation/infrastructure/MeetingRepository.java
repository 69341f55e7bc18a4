package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meetings of councils. */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<MeetingEntity, UUID> {

    /** The row, locked for update until the transaction ends. */
    public Optional<MeetingEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<MeetingEntity> ofCouncil(UUID councilId) {
        return list("councilId = ?1 order by scheduledAt", councilId);
    }

    /** The row, or 404. */
    public MeetingEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("meeting", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public MeetingEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("meeting", String.valueOf(id)));
    }
}

package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conventions 公约. */
@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<ConventionEntity, UUID> {

    /** The row, locked for update until the transaction ends. */
    public Optional<ConventionEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ConventionEntity> ofCommunity(String communityCode) {
        return list("communityCode = ?1 order by createdAt", communityCode);
    }

    /** The row, or 404. */
    public ConventionEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("convention", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public ConventionEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("convention", String.valueOf(id)));
    }
}

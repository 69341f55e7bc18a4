package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Councils 议事会. */
@ApplicationScoped
public class CouncilRepository implements PanacheRepositoryBase<CouncilEntity, UUID> {

    /** The row, locked for update until the transaction ends. */
    public Optional<CouncilEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(String communityCode, city.yingzao.deliberation.domain.CouncilLevel level, String unitCode) {
        return count("communityCode = ?1 and level = ?2 and unitCode = ?3", communityCode, level, unitCode) > 0;
    }

    public List<CouncilEntity> ofCommunity(String communityCode) {
        return list("communityCode = ?1 order by level, unitCode", communityCode);
    }

    public List<CouncilEntity> ofLevel(String communityCode, city.yingzao.deliberation.domain.CouncilLevel level) {
        return list("communityCode = ?1 and level = ?2", communityCode, level);
    }

    /** The row, or 404. */
    public CouncilEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("council", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public CouncilEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("council", String.valueOf(id)));
    }
}

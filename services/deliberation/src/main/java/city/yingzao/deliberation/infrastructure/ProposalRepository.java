package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Proposals 议题. */
@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<ProposalEntity, UUID> {

    /** The row, locked for update until the transaction ends. */
    public Optional<ProposalEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The proposals with these ids, by id: one query for a meeting's whole agenda. */
    public Map<UUID, ProposalEntity> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }

    public List<ProposalEntity> ofCouncil(UUID councilId) {
        return list("councilId = ?1 order by filedAt", councilId);
    }

    /** The row, or 404. */
    public ProposalEntity require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("proposal", String.valueOf(id)));
    }

    /** The row locked for update until the transaction ends, or 404. */
    public ProposalEntity requireLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> city.yingzao.kernel.problem.Problems.notFound("proposal", String.valueOf(id)));
    }
}

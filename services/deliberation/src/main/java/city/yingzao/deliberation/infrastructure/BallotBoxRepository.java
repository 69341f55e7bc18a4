package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Ballot boxes (D8), one per motion put to the vote. */
@ApplicationScoped
public class BallotBoxRepository implements PanacheRepositoryBase<BallotBoxEntity, UUID> {

    /** The row, locked for update until the transaction ends. */
    public Optional<BallotBoxEntity> locked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}

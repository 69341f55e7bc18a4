package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Requests for the floor, waiting. */
@ApplicationScoped
public class FloorRequestRepository implements PanacheRepositoryBase<FloorRequestEntity, FloorRequestEntity.Key> {

    public List<FloorRequestEntity> waiting(UUID motionId) {
        return list("motionId = ?1 order by seq", motionId);
    }

    public boolean waits(UUID motionId, String personId) {
        return count("motionId = ?1 and personId = ?2", motionId, personId) > 0;
    }

    public void clear(UUID motionId) {
        delete("motionId", motionId);
    }
}

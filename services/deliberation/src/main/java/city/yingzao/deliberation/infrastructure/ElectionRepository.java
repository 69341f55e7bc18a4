package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Elections of councils. */
@ApplicationScoped
public class ElectionRepository implements PanacheRepositoryBase<ElectionEntity, UUID> {

    public List<ElectionEntity> ofCouncil(UUID councilId) {
        return list("councilId = ?1 order by heldOn", councilId);
    }
}

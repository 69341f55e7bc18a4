package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Objections to resolutions in publicity. */
@ApplicationScoped
public class ObjectionRepository implements PanacheRepositoryBase<ObjectionEntity, UUID> {

    public List<ObjectionEntity> ofResolution(UUID resolutionId) {
        return list("resolutionId = ?1 order by filedAt", resolutionId);
    }

    /** The objections of several resolutions in one query. */
    public List<ObjectionEntity> ofResolutions(List<UUID> resolutionIds) {
        return list("resolutionId in ?1 order by filedAt", resolutionIds);
    }
}

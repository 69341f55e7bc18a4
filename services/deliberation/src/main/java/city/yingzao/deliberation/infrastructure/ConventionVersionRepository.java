package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Versions of conventions. */
@ApplicationScoped
public class ConventionVersionRepository implements PanacheRepositoryBase<ConventionVersionEntity, ConventionVersionEntity.Key> {

    public List<ConventionVersionEntity> ofConvention(UUID conventionId) {
        return list("conventionId = ?1 order by version", conventionId);
    }
}

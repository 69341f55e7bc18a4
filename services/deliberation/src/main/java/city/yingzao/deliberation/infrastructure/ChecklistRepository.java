package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Courtyard checklists 三有一公开. */
@ApplicationScoped
public class ChecklistRepository implements PanacheRepositoryBase<ChecklistEntity, ChecklistEntity.Key> {

    public Optional<ChecklistEntity> of(String communityCode, String courtyardCode) {
        return findByIdOptional(new ChecklistEntity.Key(communityCode, courtyardCode));
    }

    public List<ChecklistEntity> ofCommunity(String communityCode) {
        return list("communityCode = ?1 order by courtyardCode", communityCode);
    }
}

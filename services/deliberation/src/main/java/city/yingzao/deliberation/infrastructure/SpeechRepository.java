package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Speaking turns. */
@ApplicationScoped
public class SpeechRepository implements PanacheRepositoryBase<SpeechEntity, SpeechEntity.Key> {

    public List<SpeechEntity> ofMotion(UUID motionId) {
        return list("motionId = ?1 order by seq", motionId);
    }

    public int turns(UUID motionId, String personId) {
        return (int) count("motionId = ?1 and personId = ?2", motionId, personId);
    }

    public Optional<SpeechEntity> last(UUID motionId) {
        return find("motionId = ?1 order by seq desc", motionId).firstResultOptional();
    }

    /** The turn going on now, if one is. */
    public Optional<SpeechEntity> current(UUID motionId) {
        return find("motionId = ?1 and endedAt is null", motionId).firstResultOptional();
    }
}

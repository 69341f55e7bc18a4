package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agenda items of meetings. */
@ApplicationScoped
public class AgendaItemRepository implements PanacheRepositoryBase<AgendaItemEntity, UUID> {

    public List<AgendaItemEntity> ofMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by position", meetingId);
    }

    /** The item open for debate, if one is. */
    public Optional<AgendaItemEntity> open(UUID meetingId) {
        return find("meetingId = ?1 and status = ?2", meetingId, city.yingzao.deliberation.domain.ItemState.OPEN).firstResultOptional();
    }
}

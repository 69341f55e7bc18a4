package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who signed in at meetings, and who signed them in. */
@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<AttendanceEntity, AttendanceEntity.Key> {

    public Optional<AttendanceEntity> of(UUID meetingId, String personId) {
        return findByIdOptional(new AttendanceEntity.Key(meetingId, personId));
    }

    public List<AttendanceEntity> ofMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by personId", meetingId);
    }

    /** Who is signed in and has not left. */
    public List<String> present(UUID meetingId) {
        return list("meetingId = ?1 and present = true", meetingId).stream().map(a -> a.personId).toList();
    }
}

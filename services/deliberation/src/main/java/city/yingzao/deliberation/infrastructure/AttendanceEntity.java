package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Sign-in 签到 of a member at a meeting; present until they leave. */
@Entity
@Table(name = "attendance")
@IdClass(AttendanceEntity.Key.class)
public class AttendanceEntity extends PanacheEntityBase {
    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Id
    @Column(name = "person_id")
    public String personId;
    public boolean present;
    @Column(name = "signed_in_at")
    public Instant signedInAt;
    @Column(name = "signed_in_by")
    public String signedInBy;
    @Column(name = "left_at")
    public Instant leftAt;

    public record Key(UUID meetingId, String personId) implements Serializable {
    }
}

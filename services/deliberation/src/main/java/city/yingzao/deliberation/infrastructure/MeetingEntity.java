package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A council meeting 议事会议. */
@Entity
@Table(name = "meeting")
public class MeetingEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "community_code")
    public String communityCode;
    public String title;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "chair_person_id")
    public String chairPersonId;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.MeetingState status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "rescheduled_from")
    public Instant rescheduledFrom;
    @Column(name = "minutes_published_at")
    public Instant minutesPublishedAt;
    public String minutes;
}

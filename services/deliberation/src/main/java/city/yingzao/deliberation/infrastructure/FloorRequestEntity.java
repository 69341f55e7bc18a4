package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A member waiting for the floor on a question. */
@Entity
@Table(name = "floor_request")
@IdClass(FloorRequestEntity.Key.class)
public class FloorRequestEntity extends PanacheEntityBase {
    @Id
    @Column(name = "motion_id")
    public UUID motionId;
    @Id
    public int seq;
    @Column(name = "person_id")
    public String personId;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.Side side;
    @Column(name = "requested_at")
    public Instant requestedAt;

    public record Key(UUID motionId, int seq) implements Serializable {
    }
}

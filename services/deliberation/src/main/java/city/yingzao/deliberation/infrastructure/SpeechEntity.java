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

/** A speaking turn 发言 on a question. */
@Entity
@Table(name = "speech")
@IdClass(SpeechEntity.Key.class)
public class SpeechEntity extends PanacheEntityBase {
    @Id
    @Column(name = "motion_id")
    public UUID motionId;
    @Id
    public int seq;
    @Column(name = "person_id")
    public String personId;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.Side side;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    public Integer seconds;
    @Column(name = "cut_off")
    public boolean cutOff;

    public record Key(UUID motionId, int seq) implements Serializable {
    }
}

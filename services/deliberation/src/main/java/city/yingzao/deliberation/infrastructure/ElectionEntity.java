package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An election 选举 of council members, with its candidates. */
@Entity
@Table(name = "election")
public class ElectionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public int seats;
    public int voters;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}

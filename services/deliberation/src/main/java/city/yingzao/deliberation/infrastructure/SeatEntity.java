package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A seat on a council; vacated seats are kept with the reason. */
@Entity
@Table(name = "seat")
public class SeatEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "group_code")
    public String groupCode;
    public boolean cadre;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "election_id")
    public UUID electionId;
    @Column(name = "vacated_at")
    public Instant vacatedAt;
    @Column(name = "vacated_reason")
    public String vacatedReason;
}

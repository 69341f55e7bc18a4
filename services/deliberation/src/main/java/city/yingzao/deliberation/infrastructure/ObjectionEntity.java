package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An objection 异议 to a resolution in publicity; staff respond, it does not block adoption. */
@Entity
@Table(name = "objection")
public class ObjectionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "resolution_id")
    public UUID resolutionId;
    @Column(name = "person_id")
    public String personId;
    public String text;
    @Column(name = "filed_at")
    public Instant filedAt;
    public String response;
    @Column(name = "responded_by")
    public String respondedBy;
    @Column(name = "responded_at")
    public Instant respondedAt;
}

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

/** A convention 公约 of a community or courtyard, versioned. */
@Entity
@Table(name = "convention")
public class ConventionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_code")
    public String communityCode;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.ConventionKind kind;
    @Column(name = "courtyard_code")
    public String courtyardCode;
    public String title;
    @Column(name = "created_at")
    public Instant createdAt;
}

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

/** Council 议事会 of a community, resident group or courtyard. */
@Entity
@Table(name = "council")
public class CouncilEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "community_code")
    public String communityCode;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.CouncilLevel level;
    /** The community code (community council), group code or courtyard code. */
    @Column(name = "unit_code")
    public String unitCode;
    public String name;
    @Column(name = "constituted_at")
    public Instant constitutedAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public boolean constituted() {
        return constitutedAt != null;
    }
}

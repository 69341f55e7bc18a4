package city.yingzao.registry.infrastructure;

import city.yingzao.registry.domain.CommunityKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Community or village 社区/村. */
@Entity
@Table(name = "community")
public class CommunityEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityKind kind;

    @Column(name = "street_code", nullable = false)
    public String streetCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(name = "registered_households", nullable = false)
    public int registeredHouseholds;

    @Column(nullable = false)
    public int stage;

    /** Snapshot revision, raised on every change of the community, its groups or its courtyards. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;

/** Registered household 户. */
@Entity
@Table(name = "household")
@IdClass(MemberId.class)
public class HouseholdEntity extends PanacheEntityBase {

    @Id
    @Column(name = "community_code")
    public String communityCode;

    @Id
    public String code;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "courtyard_code")
    public String courtyardCode;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Resident group 居民小组. */
@Entity
@Table(name = "resident_group")
@IdClass(MemberId.class)
public class ResidentGroupEntity extends PanacheEntityBase {

    @Id
    @Column(name = "community_code")
    public String communityCode;

    @Id
    public String code;

    @Column(nullable = false)
    public String name;
}

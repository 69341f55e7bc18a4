package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Courtyard 院落/小区; {@code groupCode} is null when the courtyard spans groups. */
@Entity
@Table(name = "courtyard")
@IdClass(MemberId.class)
public class CourtyardEntity extends PanacheEntityBase {

    @Id
    @Column(name = "community_code")
    public String communityCode;

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "group_code")
    public String groupCode;
}

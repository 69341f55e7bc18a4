package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Street or township 街道/乡镇. */
@Entity
@Table(name = "street")
public class StreetEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "district_code", nullable = false)
    public String districtCode;
}

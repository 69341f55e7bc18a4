package city.yingzao.kernel.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current value of a setting an operator changed; absent while the default holds. */
@Entity
@Table(name = "setting")
public class SettingEntity extends PanacheEntityBase {

    @Id
    public String key;

    @Column(nullable = false)
    public String value;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

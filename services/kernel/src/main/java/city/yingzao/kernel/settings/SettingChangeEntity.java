package city.yingzao.kernel.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One audited change of a setting: who, when, old, new and why. Never updated or deleted. */
@Entity
@Table(name = "setting_change")
public class SettingChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String key;

    @Column(name = "old_value", nullable = false)
    public String oldValue;

    @Column(name = "new_value", nullable = false)
    public String newValue;

    @Column(nullable = false)
    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}

package city.yingzao.kernel.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the test application, written through Hibernate (flushed at commit, as services do). */
@Entity
@Table(name = "probe_note")
public class ProbeNote extends PanacheEntityBase {

    @Id
    public String code;

    public String text;

    public int copies;
}

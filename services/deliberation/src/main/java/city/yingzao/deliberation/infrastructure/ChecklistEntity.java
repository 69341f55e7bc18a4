package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The 三有一公开 checklist of a courtyard. */
@Entity
@Table(name = "courtyard_checklist")
@IdClass(ChecklistEntity.Key.class)
public class ChecklistEntity extends PanacheEntityBase {
    @Id
    @Column(name = "community_code")
    public String communityCode;
    @Id
    @Column(name = "courtyard_code")
    public String courtyardCode;
    @Column(name = "has_organisation")
    public boolean hasOrganisation;
    @Column(name = "has_compact")
    public boolean hasCompact;
    @Column(name = "has_activities")
    public boolean hasActivities;
    @Column(name = "affairs_public")
    public boolean affairsPublic;
    public String note;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public record Key(String communityCode, String courtyardCode) implements Serializable {
    }
}

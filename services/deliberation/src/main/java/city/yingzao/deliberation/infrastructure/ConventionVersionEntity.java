package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of a convention: a draft until a resolution adopts it. */
@Entity
@Table(name = "convention_version")
@IdClass(ConventionVersionEntity.Key.class)
public class ConventionVersionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "convention_id")
    public UUID conventionId;
    @Id
    public int version;
    public String text;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public city.yingzao.deliberation.domain.ConventionVersionState status;
    @Column(name = "drafted_by")
    public String draftedBy;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "resolution_id")
    public UUID resolutionId;
    @Column(name = "adopted_at")
    public Instant adoptedAt;

    public record Key(UUID conventionId, int version) implements Serializable {
    }
}

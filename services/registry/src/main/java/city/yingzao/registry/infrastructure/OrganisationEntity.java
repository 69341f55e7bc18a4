package city.yingzao.registry.infrastructure;

import city.yingzao.registry.domain.OrganisationType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** An organisation of a community (P4). */
@Entity
@Table(name = "organisation")
@IdClass(MemberId.class)
public class OrganisationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "community_code")
    public String communityCode;

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    /** The day it was registered (with civil affairs, or in the registry when nobody said). */
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    /** Raised with every change; consumers keep the highest they saw. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

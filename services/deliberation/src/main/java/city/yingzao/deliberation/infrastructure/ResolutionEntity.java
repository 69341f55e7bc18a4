package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A resolution 决议 of a council: published 公示, then adopted. */
@Entity
@Table(name = "resolution")
public class ResolutionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "motion_id")
    public UUID motionId;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "community_code")
    public String communityCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "council_level")
    public city.yingzao.deliberation.domain.CouncilLevel councilLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public city.yingzao.deliberation.domain.SubjectType subjectType;
    @Column(name = "subject_ref")
    public String subjectRef;
    @Column(name = "subject_version")
    public Integer subjectVersion;
    public String title;
    public int yes;
    public int no;
    public int abstain;
    public int membership;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.ResolutionState status;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "publicity_days")
    public int publicityDays;
    @Column(name = "adopt_at")
    public Instant adoptAt;
    @Column(name = "adopted_at")
    public Instant adoptedAt;
}

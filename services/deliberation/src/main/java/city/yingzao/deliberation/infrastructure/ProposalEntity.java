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

/** A proposal 议题 for a council agenda. */
@Entity
@Table(name = "proposal")
public class ProposalEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "community_code")
    public String communityCode;
    public String title;
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public city.yingzao.deliberation.domain.SubjectType subjectType;
    @Column(name = "subject_ref")
    public String subjectRef;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_kind")
    public city.yingzao.deliberation.domain.ProposerKind proposerKind;
    @Column(name = "filed_by")
    public String filedBy;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.ProposalStatus status;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "review_reason")
    public String reviewReason;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdraw_reason")
    public String withdrawReason;
}

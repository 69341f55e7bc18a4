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

/** A motion 动议, or an amendment 修正案 when it has a parent. */
@Entity
@Table(name = "motion")
public class MotionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "meeting_id")
    public UUID meetingId;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "parent_id")
    public UUID parentId;
    public String text;
    @Column(name = "moved_by")
    public String movedBy;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.MotionStatus status;
    @Column(name = "moved_at")
    public Instant movedAt;
    public Integer yes;
    public Integer no;
    public Integer abstain;
    public Integer membership;
    @Column(name = "result_reason")
    public String resultReason;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public boolean amendment() {
        return parentId != null;
    }
}

package city.yingzao.deliberation.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the audit log (append-only: the table's trigger refuses update and delete). */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public Instant at;
    public String actor;
    @Column(name = "community_code")
    public String communityCode;
    public String action;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    public String related;
    public String detail;
}

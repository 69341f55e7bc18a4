package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A candidate of an election and their votes. */
@Entity
@Table(name = "election_candidate")
@IdClass(ElectionCandidateEntity.Key.class)
public class ElectionCandidateEntity extends PanacheEntityBase {
    @Id
    @Column(name = "election_id")
    public UUID electionId;
    @Id
    @Column(name = "person_id")
    public String personId;
    @Column(name = "group_code")
    public String groupCode;
    public boolean cadre;
    public int votes;
    public boolean elected;

    public record Key(UUID electionId, String personId) implements Serializable {
    }
}

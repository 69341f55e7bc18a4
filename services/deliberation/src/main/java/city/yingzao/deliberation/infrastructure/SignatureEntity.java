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

/** A resident co-signature 联名 of a proposal; one per person. */
@Entity
@Table(name = "proposal_signature")
@IdClass(SignatureEntity.Key.class)
public class SignatureEntity extends PanacheEntityBase {
    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Id
    @Column(name = "person_id")
    public String personId;
    @Column(name = "household_code")
    public String householdCode;
    @Column(name = "signed_at")
    public Instant signedAt;

    public record Key(UUID proposalId, String personId) implements Serializable {
    }
}

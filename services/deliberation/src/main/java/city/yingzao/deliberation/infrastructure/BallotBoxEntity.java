package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The ballot box of one motion (D8): its blind-signature key, its phase and, once closed, the tally and the ballots. */
@Entity
@Table(name = "ballot_box")
public class BallotBoxEntity extends PanacheEntityBase {
    @Id
    @Column(name = "motion_id")
    public UUID motionId;
    public String modulus;
    @Column(name = "public_exponent")
    public String publicExponent;
    /** The blind-signature protocol of the box: RFC 9474 RSABSSA-SHA384-PSS-Randomized, or CHAUM-SHA256 for boxes opened before V5. */
    public String variant;
    /** d sealed with AES-256-GCM under the service's key (BallotKeySeal); destroyed (null) when issuance closes. */
    @Column(name = "private_key_sealed")
    public byte[] privateKeySealed;
    @Enumerated(EnumType.STRING)
    public city.yingzao.deliberation.domain.BallotBoxState status;
    public Integer yes;
    public Integer no;
    public Integer abstain;
    public Integer issued;
    public Integer uncast;
    /** JSON array of SHA-256(ballotId), sorted. */
    public String receipts;
    /** JSON array of {receipt, choice}, sorted by receipt: the public list anyone recounts. */
    public String ballots;
}

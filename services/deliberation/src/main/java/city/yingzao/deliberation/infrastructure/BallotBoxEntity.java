package city.yingzao.deliberation.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The ballot box of one motion: its blind-signature key and, once closed, the tally and receipts. */
@Entity
@Table(name = "ballot_box")
public class BallotBoxEntity extends PanacheEntityBase {
    @Id
    @Column(name = "motion_id")
    public UUID motionId;
    public String modulus;
    @Column(name = "public_exponent")
    public String publicExponent;
    /** Destroyed (null) when the box closes. */
    @Column(name = "private_exponent")
    public String privateExponent;
    /** OPEN or CLOSED. */
    public String status;
    public Integer yes;
    public Integer no;
    public Integer abstain;
    public Integer issued;
    public Integer uncast;
    /** JSON array of SHA-256(ballotId), sorted. */
    public String receipts;
}

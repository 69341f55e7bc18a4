package city.yingzao.deliberation.infrastructure;

import city.yingzao.deliberation.domain.Choice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The tables of the secret ballot (D8), in plain SQL so that what is written is exactly what is
 * meant: an issuance row names a member and a motion, nothing else; a ballot row names a random
 * ballot id, the motion, the choice and the hash of its token, nothing else (no member, no time, no
 * sequence).
 */
@ApplicationScoped
public class BallotStore {

    @Inject
    EntityManager em;

    /** Records that the member took their one credential; false when they had one already. */
    public boolean recordIssuance(UUID motionId, String personId) {
        return em.createNativeQuery("""
                insert into credential_issuance (motion_id, person_id) values (:m, :p)
                on conflict do nothing""")
                .setParameter("m", motionId).setParameter("p", personId).executeUpdate() == 1;
    }

    public List<String> issuedTo(UUID motionId) {
        return em.createNativeQuery("select person_id from credential_issuance where motion_id = :m order by person_id", String.class)
                .setParameter("m", motionId).getResultList().stream().map(Object::toString).toList();
    }

    /** Stores a ballot; false when its token was used before. */
    public boolean cast(UUID ballotId, UUID motionId, Choice choice, String tokenHash) {
        return em.createNativeQuery("""
                insert into ballot (ballot_id, motion_id, choice, token_hash) values (:b, :m, :c, :t)
                on conflict (token_hash) do nothing""")
                .setParameter("b", ballotId).setParameter("m", motionId).setParameter("c", choice.name())
                .setParameter("t", tokenHash).executeUpdate() == 1;
    }

    /** Ballots in the box of a motion. */
    public long ballotsIn(UUID motionId) {
        return ((Number) em.createNativeQuery("select count(*) from ballot where motion_id = :m")
                .setParameter("m", motionId).getSingleResult()).longValue();
    }

    /** Whether a ballot with this token hash is in any box. */
    public boolean tokenUsed(String tokenHash) {
        return !em.createNativeQuery("select 1 from ballot where token_hash = :t").setParameter("t", tokenHash)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A ballot as stored. */
    public record StoredBallot(UUID ballotId, Choice choice, String tokenHash) {
    }

    /**
     * Takes the box's ballots out and puts them back ordered by their random ids, inside the
     * caller's transaction: afterwards every ballot row carries the same transaction id (xmin) and
     * sits in the heap in an order that says nothing of the order of casting.
     */
    public List<StoredBallot> reshuffle(UUID motionId) {
        List<StoredBallot> ballots = new ArrayList<>();
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select ballot_id, choice, token_hash from ballot where motion_id = ?")) {
                select.setObject(1, motionId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ballots.add(new StoredBallot(rs.getObject(1, UUID.class), Choice.valueOf(rs.getString(2)), rs.getString(3)));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from ballot where motion_id = ?")) {
                delete.setObject(1, motionId);
                delete.executeUpdate();
            }
            ballots.sort(Comparator.comparing(b -> b.ballotId().toString()));
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into ballot (ballot_id, motion_id, choice, token_hash) values (?, ?, ?, ?)")) {
                for (StoredBallot b : ballots) {
                    insert.setObject(1, b.ballotId());
                    insert.setObject(2, motionId);
                    insert.setString(3, b.choice().name());
                    insert.setString(4, b.tokenHash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return ballots;
    }
}

package city.yingzao.kernel.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The record of event ids a service has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Records the event id in the current transaction.
     *
     * @return true the first time, false when the id was already recorded (a duplicate delivery)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstTime(UUID eventId, String topic) {
        return !recordFirstTimes(Set.of(eventId), topic).isEmpty();
    }

    /**
     * Records a poll's event ids in one statement, in the current transaction.
     *
     * @return the ids recorded now, i.e. those never applied before; the others are duplicates
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> recordFirstTimes(Collection<UUID> eventIds, String topic) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into processed_event (event_id, topic, processed_at)
                     select id, ?, now() from unnest(?) as id
                     on conflict (event_id) do nothing
                     returning event_id""")) {
            Array ids = c.createArrayOf("uuid", eventIds.toArray());
            s.setString(1, topic);
            s.setArray(2, ids);
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new PersistenceException("could not record processed events of " + topic, e);
        }
    }

    @Transactional
    public boolean seen(UUID eventId) {
        return em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult() instanceof Number n && n.longValue() > 0;
    }

    /**
     * Forgets ids recorded longer ago than {@code retention}, in chunks so no transaction grows
     * large. Safe only when the retention is longer than any topic's own: a record still on a topic
     * must still be known when it is read again.
     *
     * @return how many ids were forgotten
     */
    public long pruneOlderThan(Duration retention, int chunk) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteChunk(retention, chunk));
            total += deleted;
        } while (deleted == chunk);
        return total;
    }

    private int deleteChunk(Duration retention, int chunk) {
        return em.createNativeQuery("""
                delete from processed_event where ctid = any(array(
                    select ctid from processed_event where processed_at < now() - make_interval(secs => :secs) limit :chunk))""")
                .setParameter("secs", (double) retention.toSeconds())
                .setParameter("chunk", chunk)
                .executeUpdate();
    }
}

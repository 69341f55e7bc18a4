package city.yingzao.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox rows the relay parked (failed {@code yingzao.outbox.max-attempts} times for a reason of
 * their own): listed for operators, and replayed (back to pending, attempts reset, audited in the log).
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger AUDIT = Logger.getLogger("city.yingzao.audit.outbox");

    private static final String PAGE = """
            select seq, id, topic, record_key, partition_key, ce_type, occurred_at, parked_at, attempts, last_error
            from outbox_message
            where sent_at is null and parked_at is not null
            order by seq
            limit ? offset ?""";
    private static final String TOTAL = "select count(*) from outbox_message where sent_at is null and parked_at is not null";
    private static final String REPLAY_ALL = """
            update outbox_message set parked_at = null, attempts = 0
            where sent_at is null and parked_at is not null
            returning id""";
    private static final String REPLAY_SOME = """
            update outbox_message set parked_at = null, attempts = 0
            where sent_at is null and parked_at is not null and id = any(?)
            returning id""";

    /** One parked event, with why it failed last. */
    public record ParkedEvent(long seq, UUID id, String topic, String recordKey, String communityCode, String ceType,
                              Instant occurredAt, Instant parkedAt, int attempts, String lastError) {
    }

    /** A page of parked events, oldest first. */
    public record ParkedPage(long total, int page, int size, List<ParkedEvent> items) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    public ParkedPage page(int page, int size) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement total = connection.prepareStatement(TOTAL);
             PreparedStatement select = connection.prepareStatement(PAGE)) {
            long count;
            try (ResultSet rs = total.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            select.setInt(1, size);
            select.setLong(2, (long) page * size);
            List<ParkedEvent> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new ParkedEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                            rs.getInt(9), rs.getString(10)));
                }
            }
            return new ParkedPage(count, page, size, items);
        } catch (SQLException e) {
            throw new IllegalStateException("parked outbox events could not be read", e);
        }
    }

    /**
     * Puts parked events back to pending with their attempts reset; they keep their place
     * ({@code seq}), so they are the next of their community to be relayed. Idempotent: an event
     * already replayed (or sent) is not touched again.
     *
     * @param ids the events to replay; empty for every parked event
     * @return the events put back to pending
     */
    public List<UUID> replay(List<UUID> ids, String who) {
        List<UUID> replayed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(ids.isEmpty() ? REPLAY_ALL : REPLAY_SOME)) {
            if (!ids.isEmpty()) {
                update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            }
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    replayed.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("parked outbox events could not be replayed", e);
        }
        relay.countsChanged();
        AUDIT.infof("outbox replay by %s: %d parked event(s) back to pending%s%s", who, replayed.size(),
                ids.isEmpty() ? " (all parked)" : " (of " + ids.size() + " asked)", replayed.isEmpty() ? "" : ": " + replayed);
        return replayed;
    }
}

package city.yingzao.kernel.outbox;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events to the outbox table inside the caller's transaction, so the state change and its
 * events commit together or not at all. The {@link OutboxRelay} publishes them afterwards. Never
 * publish to Kafka directly from a write path.
 *
 * <p>Rows take their publication order from the table's sequence at insert time: a later writer of
 * the same community (who waited for the earlier one's row lock) always gets a higher number,
 * whichever replica it runs on.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Clock clock = Clock.systemUTC();

    @Inject
    EntityManager em;

    /** Appends one event; requires a transaction, and fails loudly without one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(IntegrationEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Appends events in the given order with one batched insert (imports write thousands). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<? extends IntegrationEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (IntegrationEvent event : events) {
                    EventType type = EventType.of(event.getClass());
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, type.topic());
                    insert.setString(3, event.recordKey());
                    insert.setString(4, event.partitionKey());
                    insert.setString(5, type.ceType());
                    insert.setString(6, event.partitionKey());
                    insert.setObject(7, EventJson.write(event), Types.OTHER);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
        });
        return ids;
    }
}

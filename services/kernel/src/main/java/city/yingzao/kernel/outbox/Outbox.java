package city.yingzao.kernel.outbox;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes an event to the outbox table inside the caller's transaction, so the state change and
 * its event commit together or not at all. The {@link OutboxRelay} publishes it afterwards.
 * Never publish to Kafka directly from a write path.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock = Clock.systemUTC();

    /** Appends the event; requires a transaction, and fails loudly without one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(IntegrationEvent event) {
        EventType type = EventType.of(event.getClass());
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = type.topic();
        message.recordKey = event.recordKey();
        message.partitionKey = event.communityCode();
        message.ceType = type.ceType();
        message.ceSubject = event.communityCode();
        message.payload = EventJson.write(event);
        message.occurredAt = Instant.now(clock);
        message.persist();
        return message.id;
    }
}

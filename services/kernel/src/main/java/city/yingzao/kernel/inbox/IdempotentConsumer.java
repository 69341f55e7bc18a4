package city.yingzao.kernel.inbox;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies an incoming event at most once. The event id ({@code ce_id}) is recorded in the same
 * transaction as the effect, so a redelivered event is skipped and a failed effect leaves no record.
 * A failing effect is retried with backoff; after the last attempt the exception propagates and the
 * channel's {@code dead-letter-queue} failure strategy moves the record to {@code <topic>.dlq}, so the
 * partition keeps flowing. An event with no id or an unreadable payload goes there at once.
 *
 * <pre>{@code
 * @Incoming("communities") @Blocking
 * public void on(ConsumerRecord<String, String> record) {
 *     consumer.apply(record, CommunitySnapshotV1.class, snapshot -> communities.replace(snapshot));
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    Retries retries;

    @Inject
    MeterRegistry metrics;

    /** Retry settings of consumers. */
    @ConfigMapping(prefix = "yingzao.consumer")
    public interface Retries {
        /** Attempts before a record goes to the dead-letter topic. */
        @WithDefault("3")
        int attempts();

        /** Pause before the second attempt; doubles after. */
        @WithDefault("200ms")
        Duration backoff();
    }

    /**
     * @return true when the effect was applied now, false when the event had been applied before
     */
    public <T extends IntegrationEvent> boolean apply(ConsumerRecord<String, String> record, Class<T> type, Consumer<T> effect) {
        UUID eventId = eventId(record);
        String ceType = header(record, CloudEventHeaders.TYPE);
        if (ceType != null && !EventType.of(type).ceType().equals(ceType)) {
            throw new PoisonEvent("expected " + EventType.of(type).ceType() + " but got " + ceType);
        }
        T event;
        try {
            event = EventJson.read(record.value(), type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent(e.getMessage());
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.recordFirstTime(eventId, record.topic())) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
                metrics.counter("yingzao.consumer.events", "topic", record.topic(),
                        "outcome", applied ? "applied" : "duplicate").increment();
                return applied;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("event %s from %s failed (attempt %d of %d): %s", eventId, record.topic(), attempt,
                        retries.attempts(), e.toString());
                pause(retries.backoff().multipliedBy(1L << (attempt - 1)));
            }
        }
        metrics.counter("yingzao.consumer.events", "topic", record.topic(), "outcome", "dead-lettered").increment();
        throw new PoisonEvent("gave up on event " + eventId + " after " + retries.attempts() + " attempts: " + last, last);
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null) {
            throw new PoisonEvent("record at " + record.topic() + "/" + record.partition() + "@" + record.offset() + " has no ce_id");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent("ce_id " + id + " is not a UUID");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event that cannot be applied; the channel sends it to the dead-letter topic. */
    public static final class PoisonEvent extends RuntimeException {
        public PoisonEvent(String message) {
            super(message);
        }

        public PoisonEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

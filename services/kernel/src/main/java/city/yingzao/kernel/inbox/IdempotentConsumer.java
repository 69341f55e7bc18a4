package city.yingzao.kernel.inbox;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies incoming events at most once, one record at a time or a whole poll at a time.
 *
 * <ul>
 *   <li>The event ids ({@code ce_id}) are recorded in the same transaction as the effect, so a
 *       redelivered event is skipped and a failed effect leaves no record.</li>
 *   <li>A batch records its ids with one statement and hands the handler only the events never
 *       applied before, so the handler can write set-based.</li>
 *   <li>Failures are told apart ({@link FailureKind}): a transient one (database or broker away, a
 *       lock timeout) is retried with backoff for as long as it lasts, and the method does not return,
 *       so no offset is committed past it; an event that can never succeed goes to this service's
 *       dead-letter topic at once ({@link DeadLetters}); an unknown failure is retried a few times,
 *       then dead-lettered. When a batch fails for a reason other than a transient one, its events are
 *       applied one by one so only the event at fault is dead-lettered and the rest commit.</li>
 * </ul>
 *
 * <pre>{@code
 * @Incoming("households") @Blocking            // channel with batch=true
 * public void on(ConsumerRecords<String, String> records) {
 *     consumer.applyBatch(records, householdSnapshots);   // an EventHandler<HouseholdSnapshotV1>
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    ConsumerSettings settings;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerProgress progress;

    @Inject
    MeterRegistry metrics;

    /** What became of a batch's records. */
    public record Outcome(int applied, int duplicates, int deadLettered) {
        Outcome plus(Outcome other) {
            return new Outcome(applied + other.applied, duplicates + other.duplicates, deadLettered + other.deadLettered);
        }
    }

    /**
     * Applies one record.
     *
     * @return true when the effect was applied now, false when the event had been applied before or
     *         was dead-lettered
     */
    public <T extends IntegrationEvent> boolean apply(ConsumerRecord<String, String> record, EventHandler<T> handler) {
        return applyOne(record, record.topic(), handler).applied() == 1;
    }

    /** Applies a poll's records: one transaction, one id statement, one call of the handler. */
    public <T extends IntegrationEvent> Outcome applyBatch(Iterable<ConsumerRecord<String, String>> records,
            EventHandler<T> handler) {
        Map<UUID, Decoded<T>> readable = new LinkedHashMap<>();
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        int deadLettered = 0;
        int duplicatesInPoll = 0;
        for (ConsumerRecord<String, String> record : records) {
            all.add(record);
            try {
                Decoded<T> decoded = decode(record, handler);
                if (readable.putIfAbsent(decoded.id(), decoded) != null) {
                    duplicatesInPoll++;
                }
            } catch (PoisonEvent e) {
                deadLetter(record, record.topic(), e.getMessage());
                deadLettered++;
            }
        }
        if (all.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Outcome outcome;
        try {
            outcome = retryWhileTransient(handler.topic(), "a batch of " + readable.size(), () -> applyAll(readable, handler));
        } catch (RuntimeException e) {
            LOG.warnf("a batch of %d from %s failed (%s); applying its events one by one", readable.size(),
                    handler.topic(), e.toString());
            outcome = new Outcome(0, 0, 0);
            for (Decoded<T> d : readable.values()) {
                outcome = outcome.plus(applyOne(d.record(), d.record().topic(), handler));
            }
        }
        outcome = outcome.plus(new Outcome(0, duplicatesInPoll, deadLettered));
        count(handler.topic(), outcome);
        all.forEach(progress::applied);
        return outcome;
    }

    /**
     * Applies a record read from anywhere (its own topic, or a dead-letter topic when replaying) as
     * an event of {@code sourceTopic}.
     */
    <T extends IntegrationEvent> Outcome applyOne(ConsumerRecord<String, String> record, String sourceTopic,
            EventHandler<T> handler) {
        Decoded<T> decoded;
        try {
            decoded = decode(record, handler);
        } catch (PoisonEvent e) {
            deadLetter(record, sourceTopic, e.getMessage());
            return counted(sourceTopic, new Outcome(0, 0, 1), record);
        }
        Map<UUID, Decoded<T>> one = Map.of(decoded.id(), decoded);
        RuntimeException last = null;
        Duration pause = settings.backoff();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                return counted(sourceTopic, retryWhileTransient(sourceTopic, "event " + decoded.id(),
                        () -> applyAll(one, handler)), record);
            } catch (RuntimeException e) {
                last = e;
                if (FailureKind.of(e) == FailureKind.PERMANENT) {
                    break;
                }
                LOG.warnf("event %s from %s failed (attempt %d of %d): %s", decoded.id(), sourceTopic, attempt,
                        settings.attempts(), e.toString());
                if (attempt < settings.attempts()) {
                    Retry.sleep(pause);
                    pause = Retry.next(pause, settings.backoffMax());
                }
            }
        }
        deadLetter(record, sourceTopic, FailureKind.of(last) + ": " + rootMessage(last));
        return counted(sourceTopic, new Outcome(0, 0, 1), record);
    }

    private <T extends IntegrationEvent> Outcome applyAll(Map<UUID, Decoded<T>> events, EventHandler<T> handler) {
        if (events.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> fresh = processed.recordFirstTimes(events.keySet(), handler.topic());
            List<T> toApply = new ArrayList<>(fresh.size());
            events.forEach((id, d) -> {
                if (fresh.contains(id)) {
                    toApply.add(d.event());
                }
            });
            if (!toApply.isEmpty()) {
                handler.apply(toApply);
            }
            return new Outcome(toApply.size(), events.size() - toApply.size(), 0);
        });
    }

    /** Runs {@code work} until it succeeds or fails for a reason other than a transient one. */
    private <R> R retryWhileTransient(String topic, String what, java.util.function.Supplier<R> work) {
        Duration pause = settings.backoff();
        int attempt = 0;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (FailureKind.of(e) != FailureKind.TRANSIENT) {
                    throw e;
                }
                attempt++;
                metrics.counter("yingzao.consumer.transient.failures", "topic", topic).increment();
                LOG.warnf("%s from %s failed transiently (attempt %d), retrying in %s: %s", what, topic, attempt,
                        pause, rootMessage(e));
                Retry.sleep(pause);
                pause = Retry.next(pause, settings.backoffMax());
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String sourceTopic, String reason) {
        deadLetters.send(record, sourceTopic, reason);
    }

    private Outcome counted(String topic, Outcome outcome, ConsumerRecord<String, String> record) {
        count(topic, outcome);
        progress.applied(record);
        return outcome;
    }

    private void count(String topic, Outcome outcome) {
        increment(topic, "applied", outcome.applied());
        increment(topic, "duplicate", outcome.duplicates());
        increment(topic, "dead-lettered", outcome.deadLettered());
    }

    private void increment(String topic, String outcome, int n) {
        if (n > 0) {
            metrics.counter("yingzao.consumer.events", "topic", topic, "outcome", outcome).increment(n);
        }
    }

    private record Decoded<T>(UUID id, T event, ConsumerRecord<String, String> record) {
    }

    private static <T extends IntegrationEvent> Decoded<T> decode(ConsumerRecord<String, String> record, EventHandler<T> handler) {
        UUID eventId = eventId(record);
        String ceType = header(record, CloudEventHeaders.TYPE);
        Class<? extends T> type = handler.typeOf(ceType);
        if (ceType != null && !EventType.of(type).ceType().equals(ceType)) {
            throw new PoisonEvent("expected " + EventType.of(type).ceType() + " but got " + ceType);
        }
        if (record.value() == null) {
            throw new PoisonEvent("record at " + where(record) + " has no payload");
        }
        try {
            return new Decoded<>(eventId, EventJson.read(record.value(), type), record);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent(e.getMessage());
        }
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null) {
            throw new PoisonEvent("record at " + where(record) + " has no ce_id");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEvent("ce_id " + id + " is not a UUID");
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    /** An event that cannot be read: no id, the wrong type, a payload that is not the contract. */
    public static final class PoisonEvent extends RuntimeException {
        public PoisonEvent(String message) {
            super(message);
        }

        public PoisonEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package city.yingzao.kernel.outbox;

import city.yingzao.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what the outbox holds, oldest first, and marks it sent once the broker acknowledged it.
 *
 * <ul>
 *   <li>One relay at a time across replicas: each round holds a PostgreSQL advisory lock.</li>
 *   <li>Order per community: records go to the partition of their community code, through an
 *       idempotent producer ({@code acks=all}); when one record of a key fails, the later records of
 *       that key in the round stay pending too, so they are never published ahead of it.</li>
 *   <li>Nothing lost: a row is marked sent only after its acknowledgement; a broker that is down
 *       makes rounds fail and back off (doubling up to a maximum) until it returns.</li>
 *   <li>{@code yingzao.outbox.pending} reports how many events wait.</li>
 * </ul>
 */
@ApplicationScoped
@Unremovable
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x79696E677A616FL; // "yingzao"

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "yingzao")
    String applicationName;

    private final AtomicLong pending = new AtomicLong();
    private final Map<String, Integer> partitionCounts = new HashMap<>();
    private KafkaProducer<String, String> producer;
    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Instant failingSince;
    private volatile String lastError;

    @Inject
    void registerMetrics(MeterRegistry registry) {
        Gauge.builder("yingzao.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
    }

    @Scheduled(every = "${yingzao.outbox.poll-interval:200ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRound() {
        if (!config.enabled() || Instant.now().isBefore(pausedUntil)) {
            return;
        }
        relayRound();
    }

    /**
     * One round: publishes up to a batch of pending events.
     *
     * @return how many events were acknowledged in this round
     */
    public synchronized int relayRound() {
        try {
            Round round = QuarkusTransaction.requiringNew()
                    .timeout((int) config.deliveryTimeout().plusSeconds(30).toSeconds())
                    .call(this::publishBatch);
            if (round.failed() > 0) {
                // what was acknowledged is marked sent and committed; the rest waits for the next round
                resetProducer();
                backOff(round.failed() + " event(s) not acknowledged: " + round.error());
            } else {
                consecutiveFailures = 0;
                pausedUntil = Instant.EPOCH;
                failingSince = null;
                lastError = null;
            }
            return round.sent();
        } catch (RuntimeException e) {
            resetProducer();
            backOff(e.toString());
            return 0;
        }
    }

    /** Events waiting, as of the last round. */
    public long pending() {
        return pending.get();
    }

    private record Round(int sent, int failed, String error) {
    }

    private Round publishBatch() {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!locked) {
            return new Round(0, 0, null); // another replica is relaying
        }
        List<OutboxMessage> batch = em.createQuery(
                        "from OutboxMessage where sentAt is null order by seq", OutboxMessage.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            pending.set(0);
            return new Round(0, 0, null);
        }

        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        RuntimeException sendFailure = null;
        for (OutboxMessage message : batch) {
            try {
                acks.add(kafka.send(toRecord(message)));
            } catch (RuntimeException e) {
                sendFailure = e; // e.g. metadata unavailable while the broker is down
                break;
            }
        }

        Set<String> blockedKeys = new HashSet<>();
        List<Long> sent = new ArrayList<>();
        String firstError = sendFailure == null ? null : sendFailure.toString();
        long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            boolean acknowledged = false;
            if (i < acks.size() && !blockedKeys.contains(message.recordKey)) {
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged = true;
                } catch (Exception e) {
                    firstError = firstError == null ? rootMessage(e) : firstError;
                }
            }
            if (acknowledged) {
                sent.add(message.seq);
            } else {
                blockedKeys.add(message.recordKey);
                message.attempts++;
                message.lastError = firstError == null ? "not sent: an earlier event of the same key failed"
                        : truncate(firstError);
            }
        }

        if (!sent.isEmpty()) {
            em.createQuery("update OutboxMessage set sentAt = :now where seq in :seqs")
                    .setParameter("now", Instant.now())
                    .setParameter("seqs", sent)
                    .executeUpdate();
        }
        pending.set(((Number) em.createNativeQuery(
                "select count(*) from outbox_message where sent_at is null").getSingleResult()).longValue());
        return new Round(sent.size(), batch.size() - sent.size(), firstError);
    }

    private ProducerRecord<String, String> toRecord(OutboxMessage message) {
        Integer partitions = partitionCounts.computeIfAbsent(message.topic,
                t -> producer().partitionsFor(t).size());
        int partition = Utils.toPositive(Utils.murmur2(message.partitionKey.getBytes(StandardCharsets.UTF_8))) % partitions;
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, partition,
                message.occurredAt.toEpochMilli(), message.recordKey, message.payload);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, message.id.toString());
        header(record, CloudEventHeaders.TYPE, message.ceType);
        header(record, CloudEventHeaders.SOURCE, "/yingzao/" + applicationName);
        header(record, CloudEventHeaders.TIME, message.occurredAt.toString());
        header(record, CloudEventHeaders.SUBJECT, message.ceSubject);
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, config.deliveryTimeout().toMillis()));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(10_000, config.deliveryTimeout().toMillis()));
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        partitionCounts.clear();
    }

    /** Since when rounds keep failing, or null while the relay is healthy. */
    public Instant failingSince() {
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    private void backOff(String reason) {
        consecutiveFailures++;
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        lastError = reason;
        long factor = 1L << Math.min(consecutiveFailures - 1, 20);
        Duration pause = config.backoffInitial().multipliedBy(factor);
        if (pause.compareTo(config.backoffMax()) > 0) {
            pause = config.backoffMax();
        }
        pausedUntil = Instant.now().plus(pause);
        LOG.warnf("outbox relay round failed (%d in a row), retrying in %s: %s", consecutiveFailures, pause, reason);
    }

    @PreDestroy
    void close() {
        resetProducer();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

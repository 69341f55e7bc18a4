package city.yingzao.kernel.outbox;

import city.yingzao.contracts.CloudEventHeaders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what the outbox holds, oldest first, and marks it sent once the broker acknowledged it.
 *
 * <ul>
 *   <li>One relay at a time across replicas: the relay that holds the session-level advisory lock
 *       {@link #RELAY_LOCK} on a dedicated connection leads while that connection lives; when the
 *       instance dies (or the connection breaks) PostgreSQL releases the lock and another replica
 *       takes over at its next poll.</li>
 *   <li>Fast: a round reads a batch in one short statement, sends it pipelined, flushes once,
 *       reads the acknowledgements and marks the acknowledged rows sent in one short statement
 *       ({@code seq = any(?)}); no transaction is held open while waiting for the broker. A round
 *       that read a full batch goes straight on to the next; the poll interval applies only once
 *       the outbox is drained.</li>
 *   <li>Order per community: records go to the partition of their community code (murmur2, as
 *       Kafka's default partitioner), through an idempotent producer ({@code acks=all}); when one
 *       record of a community fails, the later records of that community in the round stay pending
 *       too, so they are never published ahead of it.</li>
 *   <li>Nothing lost: a row is marked sent only after its acknowledgement. A kill between send and
 *       mark publishes the row again in a later round, with the same {@code ce_id}: consumers skip
 *       it (kernel {@code inbox}).</li>
 *   <li>Failures told apart: a retriable broker failure (broker down, timeouts,
 *       {@code RetriableException}) makes the round back off, doubling up to a maximum, and does
 *       not count against rows. A failure of the row itself ({@code RecordTooLargeException},
 *       invalid topic, serialization) counts in the row's {@code attempts}; after
 *       {@code yingzao.outbox.max-attempts} the row is parked ({@code parked_at}, with its last
 *       error). Until then only that head row of its community is retried each round, so it never
 *       holds back other communities; once parked, the later rows of its community flow.</li>
 *   <li>{@code yingzao.outbox.pending} reports how many events wait, {@code yingzao.outbox.parked}
 *       how many are parked.</li>
 * </ul>
 */
@ApplicationScoped
@Unremovable
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock key of the relay ("yingzao"), held at session level by the leading replica. */
    static final long RELAY_LOCK = 0x79696E677A616FL;
    private static final Duration COUNT_EVERY = Duration.ofSeconds(1);

    private static final String READ = """
            select seq, id, topic, record_key, partition_key, ce_subject, ce_type, payload::text, occurred_at
            from outbox_message
            where sent_at is null and parked_at is null and (partition_key <> all(?) or seq = any(?))
            order by seq
            limit ?""";
    private static final String MARK_SENT = "update outbox_message set sent_at = now() where seq = any(?)";
    private static final String COUNT_FAILURE = """
            update outbox_message
            set attempts = attempts + 1, last_error = ?, parked_at = case when attempts + 1 >= ? then now() end
            where seq = ? and sent_at is null and parked_at is null
            returning parked_at is not null""";
    private static final String COUNT_PENDING = "select count(*) from outbox_message where sent_at is null and parked_at is null";
    private static final String COUNT_PARKED = "select count(*) from outbox_message where sent_at is null and parked_at is not null";

    @Inject
    OutboxConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "yingzao")
    String applicationName;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Map<String, Integer> partitionCounts = new HashMap<>();
    /** Communities whose oldest pending row failed for a reason of its own: community code to that row's seq. */
    private final Map<String, Long> failingHeads = new LinkedHashMap<>();
    private KafkaProducer<String, String> producer;
    /** The connection holding the relay's advisory lock, or null while another replica leads. */
    private Connection leader;
    private volatile boolean stopping;
    private Thread loop;
    private volatile boolean recount = true;
    private volatile Instant countedAt = Instant.EPOCH;
    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.EPOCH;
    private volatile Instant failingSince;
    private volatile String lastError;

    @Inject
    void registerMetrics(MeterRegistry registry) {
        Gauge.builder("yingzao.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka (parked ones not included)")
                .register(registry);
        Gauge.builder("yingzao.outbox.parked", parked, AtomicLong::get)
                .description("Events set aside after yingzao.outbox.max-attempts failures of their own, waiting for an operator's replay")
                .register(registry);
    }

    /**
     * The relay's own thread: rounds back to back while batches come full, then a pause of
     * {@code yingzao.outbox.poll-interval} (honoured to the millisecond: the scheduler's {@code every}
     * cannot go below a second, which put up to a second between a commit and its publication).
     */
    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        loop = new Thread(this::relayUntilStopped, "outbox-relay");
        loop.setDaemon(true);
        loop.start();
    }

    private void relayUntilStopped() {
        pause(Duration.ofSeconds(1)); // let the application finish starting
        while (!stopping) {
            Instant resume = pausedUntil;
            if (Instant.now().isBefore(resume)) {
                pause(Duration.between(Instant.now(), resume));
                continue;
            }
            Round round = round();
            if (!round.full() || round.backedOff()) {
                // drained (or backing off, which sets pausedUntil): wait for the next poll
                pause(config.pollInterval());
            }
            // a full batch means more is waiting: go straight on, without waiting for the next poll
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One round: publishes up to a batch of pending events.
     *
     * @return how many events were acknowledged and marked sent in this round
     */
    public int relayRound() {
        return round().sent();
    }

    /** Events waiting (parked ones not included), as of the last count (at most a second old while relaying). */
    public long pending() {
        return pending.get();
    }

    /** Events parked, waiting for an operator's replay, as of the last count. */
    public long parked() {
        return parked.get();
    }

    /** Since when rounds keep failing, or null while the relay is healthy. */
    public Instant failingSince() {
        return failingSince;
    }

    public String lastError() {
        return lastError;
    }

    /** Tells the relay that rows changed outside it (a replay): the gauges are counted again at the next round. */
    void countsChanged() {
        recount = true;
    }

    /** What a round did: rows read, acknowledged and marked, and whether it backed off. */
    record Round(int read, int sent, boolean full, boolean backedOff) {
        static final Round IDLE = new Round(0, 0, false, false);
    }

    private record Row(long seq, UUID id, String topic, String recordKey, String partitionKey, String subject,
                       String ceType, String payload, Instant occurredAt) {
    }

    /** How a send failed: the broker or the network (retry the round later), or the row itself. */
    private enum Failure { RETRIABLE, ROW }

    synchronized Round round() {
        if (stopping) {
            return Round.IDLE;
        }
        Round round;
        try {
            round = leads() ? publishBatch() : Round.IDLE;
        } catch (SQLException e) {
            dropLeadership();
            backOff("database: " + e);
            round = new Round(0, 0, false, true);
        } catch (RuntimeException e) {
            resetProducer();
            backOff(e.toString());
            round = new Round(0, 0, false, true);
        }
        refreshCounts(!round.full());
        return round;
    }

    private Round publishBatch() throws SQLException {
        List<Row> batch = read();
        if (batch.isEmpty()) {
            failingHeads.clear();
            healthy();
            return Round.IDLE;
        }
        boolean full = batch.size() >= config.batchSize();
        if (!full && !failingHeads.isEmpty()) {
            // a head not read although the outbox is drained is no longer pending (sent, or replayed and
            // sent, by hand): stop holding its community back
            Set<Long> seen = new HashSet<>();
            batch.forEach(row -> seen.add(row.seq()));
            failingHeads.values().removeIf(seq -> !seen.contains(seq));
        }

        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Map<Integer, Exception> failedAtSend = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        String retriableError = null;
        for (int i = 0; i < batch.size() && retriableError == null; i++) {
            Row row = batch.get(i);
            if (blocked.contains(row.partitionKey())) {
                acks.add(null); // held back behind an earlier failed row of its community
                continue;
            }
            Future<RecordMetadata> ack;
            try {
                ack = kafka.send(toRecord(row));
            } catch (RuntimeException e) {
                failedAtSend.put(i, e);
                acks.add(null);
                blocked.add(row.partitionKey());
                if (classify(e) == Failure.RETRIABLE) {
                    retriableError = rootMessage(e); // e.g. metadata unavailable while the broker is down
                }
                continue;
            }
            acks.add(ack);
            if (ack.isDone()) { // failed before leaving the client (too large, metadata timeout): hold the community back now
                Exception failure = failureOf(ack);
                if (failure != null) {
                    blocked.add(row.partitionKey());
                    if (classify(failure) == Failure.RETRIABLE) {
                        retriableError = rootMessage(failure);
                    }
                }
            }
        }
        kafka.flush();

        blocked.clear();
        List<Long> sent = new ArrayList<>(batch.size());
        Map<Row, String> rowFailures = new LinkedHashMap<>();
        long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            Future<RecordMetadata> ack = i < acks.size() ? acks.get(i) : null;
            Exception failure = failedAtSend.get(i);
            if (failure == null && ack != null) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                } catch (java.util.concurrent.TimeoutException e) {
                    failure = new org.apache.kafka.common.errors.TimeoutException("no acknowledgement within " + config.deliveryTimeout());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                }
            }
            if (blocked.contains(row.partitionKey()) || (ack == null && failure == null)) {
                blocked.add(row.partitionKey()); // not sent, or sent behind a failed one: stays pending, in order
                continue;
            }
            if (failure == null) {
                sent.add(row.seq());
                if (failingHeads.remove(row.partitionKey()) != null) {
                    recount = true;
                }
                continue;
            }
            blocked.add(row.partitionKey());
            if (classify(failure) == Failure.RETRIABLE) {
                retriableError = retriableError == null ? rootMessage(failure) : retriableError;
            } else {
                rowFailures.put(row, rootMessage(failure));
            }
        }

        markSent(sent);
        int parkedNow = countFailures(rowFailures);
        if (retriableError != null) {
            // what was acknowledged is marked sent; the rest waits for the next round, attempts untouched
            resetProducer();
            backOff((batch.size() - sent.size()) + " event(s) not acknowledged: " + retriableError);
            return new Round(batch.size(), sent.size(), full, true);
        }
        if (parkedNow > 0 || !rowFailures.isEmpty()) {
            recount = true;
        }
        healthy();
        return new Round(batch.size(), sent.size(), full, false);
    }

    private List<Row> read() throws SQLException {
        List<String> keys = new ArrayList<>(failingHeads.keySet());
        List<Long> heads = new ArrayList<>(failingHeads.values());
        try (PreparedStatement select = leader.prepareStatement(READ)) {
            select.setArray(1, leader.createArrayOf("varchar", keys.toArray()));
            select.setArray(2, leader.createArrayOf("bigint", heads.toArray()));
            select.setInt(3, config.batchSize());
            List<Row> rows = new ArrayList<>(config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant()));
                }
            }
            return rows;
        }
    }

    private void markSent(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = leader.prepareStatement(MARK_SENT)) {
            update.setArray(1, leader.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    /** Counts a failure of their own against rows, parking those at the limit; returns how many were parked. */
    private int countFailures(Map<Row, String> failures) throws SQLException {
        int parkedNow = 0;
        if (failures.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = leader.prepareStatement(COUNT_FAILURE)) {
            for (Map.Entry<Row, String> failure : failures.entrySet()) {
                Row row = failure.getKey();
                update.setString(1, truncate(failure.getValue()));
                update.setInt(2, config.maxAttempts());
                update.setLong(3, row.seq());
                boolean nowParked = false;
                try (ResultSet rs = update.executeQuery()) {
                    if (rs.next()) {
                        nowParked = rs.getBoolean(1);
                    }
                }
                if (nowParked) {
                    parkedNow++;
                    failingHeads.remove(row.partitionKey()); // its later rows flow from the next round on
                    LOG.errorf("outbox event %s (%s, community %s, seq %d) parked after %d attempts: %s",
                            row.id(), row.ceType(), row.partitionKey(), row.seq(), config.maxAttempts(), failure.getValue());
                } else {
                    failingHeads.put(row.partitionKey(), row.seq());
                    LOG.warnf("outbox event %s (community %s, seq %d) failed: %s", row.id(), row.partitionKey(),
                            row.seq(), failure.getValue());
                }
            }
        }
        return parkedNow;
    }

    /** Takes or keeps the lead: the session-level advisory lock on a dedicated connection. */
    private boolean leads() throws SQLException {
        if (leader != null) {
            return true;
        }
        Connection connection = dataSource.getConnection();
        boolean locked = false;
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, RELAY_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            if (!locked) {
                connection.close(); // another replica leads (or the lock could not be asked for)
            }
        }
        if (!locked) {
            return false;
        }
        leader = connection;
        failingHeads.clear();
        LOG.infof("outbox relay of %s leads (advisory lock %d held)", applicationName, RELAY_LOCK);
        return true;
    }

    private void dropLeadership() {
        Connection connection = leader;
        leader = null;
        failingHeads.clear();
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            // the connection is broken: its session, and with it the lock, is gone already
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the relay's connection", e);
        }
    }

    /** Counts pending and parked rows when asked to, and at most once a second while a backlog drains. */
    private void refreshCounts(boolean drained) {
        Instant now = Instant.now();
        if (!recount && !drained && now.isBefore(countedAt.plus(COUNT_EVERY))) {
            return;
        }
        if (!recount && drained && now.isBefore(countedAt.plus(config.pollInterval()))) {
            return;
        }
        recount = false;
        countedAt = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement countPending = connection.prepareStatement(COUNT_PENDING);
             PreparedStatement countParked = connection.prepareStatement(COUNT_PARKED)) {
            pending.set(single(countPending));
            parked.set(single(countParked));
        } catch (SQLException e) {
            recount = true;
            LOG.debugf("outbox counts not refreshed: %s", e);
        }
    }

    private static long single(PreparedStatement count) throws SQLException {
        try (ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Failures of the row itself count against it; everything else is the broker's or the client's and is retried. */
    private static Failure classify(Throwable e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidTopicException || t instanceof SerializationException
                || t instanceof InvalidRecordException || t instanceof CorruptRecordException
                || t instanceof IllegalArgumentException) {
            return Failure.ROW;
        }
        return Failure.RETRIABLE; // RetriableException, timeouts, a closed or fenced producer, authentication
    }

    private static Exception failureOf(Future<RecordMetadata> done) {
        try {
            done.get(0, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            return null; // not a failure known yet
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        Integer partitions = partitionCounts.get(row.topic());
        if (partitions == null) {
            partitions = producer().partitionsFor(row.topic()).size();
            partitionCounts.put(row.topic(), partitions);
        }
        int partition = Utils.toPositive(Utils.murmur2(row.partitionKey().getBytes(StandardCharsets.UTF_8))) % partitions;
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), partition,
                row.occurredAt().toEpochMilli(), row.recordKey(), row.payload());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, row.id().toString());
        header(record, CloudEventHeaders.TYPE, row.ceType());
        header(record, CloudEventHeaders.SOURCE, "/yingzao/" + applicationName);
        header(record, CloudEventHeaders.TIME, row.occurredAt().toString());
        header(record, CloudEventHeaders.SUBJECT, row.subject());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The relay's producer settings; the benchmark's ceiling uses the same. */
    static Map<String, Object> producerSettings(Object bootstrapServers, String clientId, Duration deliveryTimeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(10_000, deliveryTimeout.toMillis()));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(10_000, deliveryTimeout.toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings(kafkaConfig.get("bootstrap.servers"),
                    applicationName + "-outbox-relay", config.deliveryTimeout()));
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

    private void healthy() {
        consecutiveFailures = 0;
        pausedUntil = Instant.EPOCH;
        failingSince = null;
        lastError = null;
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
        stopping = true;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(35).toMillis()); // a round in flight finishes (delivery timeout 30 s)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            resetProducer();
            dropLeadership();
        }
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

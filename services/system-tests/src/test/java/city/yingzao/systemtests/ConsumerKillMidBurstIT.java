package city.yingzao.systemtests;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consuming service killed outright ({@code kill -9}: no shutdown, no offset committed, a batch
 * transaction cut in the middle) while a burst of events is arriving, then restarted: every event's
 * effect is in its database exactly once and its id in the inbox ({@code processed_event}) exactly
 * once, none dead-lettered. The consumer is finance's registry replica (batched: a whole poll in one
 * transaction), the burst household snapshots of a community of its own on {@code registry.households}.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("A consumer killed (kill -9) and restarted in the middle of a burst of events")
class ConsumerKillMidBurstIT {

    private static final String CONSUMER = "finance";
    private static final int HOUSEHOLDS = 3_000;
    /** The burst is sent at about this many events per second, in batches of 50, so the kill falls inside it. */
    private static final int PER_SECOND = 500;

    @Test
    @DisplayName("3,000 household snapshots, finance killed when some are applied: after the restart each is in replica_household once and its event id in processed_event once")
    void everyEffectExactlyOnceAcrossAKill(SystemUnderTest sut) throws Exception {
        sut.serviceUrl(CONSUMER);
        String bootstrap = sut.kafka().bootstrapServers();
        String community = "KILL" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        List<String> ids = new ArrayList<>(HOUSEHOLDS);
        for (int i = 0; i < HOUSEHOLDS; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        AtomicInteger sent = new AtomicInteger();
        long t0 = System.nanoTime();
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> send(bootstrap, community, ids, sent, t0));

        try (Connection db = Faults.db(sut, CONSUMER)) {
            // kill when the consumer has applied some of the burst and not all of it
            long appliedAtKill = 0;
            int sentAtKill = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                appliedAtKill = applied(db, ids);
                if (appliedAtKill > 0) {
                    break;
                }
                Thread.sleep(20);
            }
            sentAtKill = sent.get();
            long tKill = System.nanoTime();
            sut.killAndRestart(CONSUMER);
            long tReady = System.nanoTime();
            long appliedAtReady = applied(db, ids);
            burst.get(120, TimeUnit.SECONDS);
            long tSent = System.nanoTime();

            long applied = Faults.awaitCount(db, HOUSEHOLDS, Duration.ofSeconds(120),
                    "select count(*) from processed_event where event_id = any(?::uuid[])", ids);
            long tApplied = System.nanoTime();
            long rows = Faults.count(db, "select count(*) from replica_household where community_code = ?", community);
            long distinctRows = Faults.count(db,
                    "select count(distinct code) from replica_household where community_code = ? and active and revision = 1", community);

            System.out.printf("""
                    [system-tests] consumer kill mid-burst (%s, registry.households):
                      %,d events sent at ~%d/s; killed after %,d sent and %,d applied (%.1f s into the burst)
                      restarted and ready %.1f s after the kill, %,d applied by then; burst sent in %.1f s
                      all applied %.1f s after the kill: %,d event ids in processed_event, %,d households in replica_household
                    """, CONSUMER, HOUSEHOLDS, PER_SECOND, sentAtKill, appliedAtKill, (tKill - t0) / 1e9,
                    (tReady - tKill) / 1e9, appliedAtReady, (tSent - t0) / 1e9, (tApplied - tKill) / 1e9, applied, rows);

            assertThat(appliedAtKill).as("events applied when the consumer was killed (the kill fell inside the burst)")
                    .isPositive().isLessThan(HOUSEHOLDS);
            assertThat(sentAtKill).as("events sent when the consumer was killed").isLessThan(HOUSEHOLDS);
            assertThat(applied).as("event ids of the burst in processed_event (each at most once: it is the key)\n%s",
                    sut.logTail(CONSUMER, 30)).isEqualTo(HOUSEHOLDS);
            assertThat(rows).as("households of %s in finance's replica: one per snapshot, none lost, none twice", community)
                    .isEqualTo(HOUSEHOLDS);
            assertThat(distinctRows).as("households held with the snapshot's state").isEqualTo(HOUSEHOLDS);
            assertThat(Faults.count(db, "select count(*) from processed_event where topic = ? and event_id = any(?::uuid[])",
                    Topics.REGISTRY_HOUSEHOLDS, ids)).as("recorded as events of registry.households").isEqualTo(HOUSEHOLDS);
        }
        // nothing of the burst was dead-lettered: the kill is not the events' fault
        String dlq = Topics.deadLetterOf(Topics.REGISTRY_HOUSEHOLDS, CONSUMER);
        Faults.createTopic(bootstrap, dlq, 1); // read it even when no consumer ever dead-lettered anything
        assertThat(Faults.readAll(bootstrap, dlq)).as("dead letters of the burst on %s", dlq)
                .noneMatch(r -> r.key() != null && r.key().startsWith(community + ":"));
    }

    private static long applied(Connection db, List<String> ids) throws Exception {
        return Faults.count(db, "select count(*) from processed_event where event_id = any(?::uuid[])", ids);
    }

    /** The registry's snapshots as it publishes them: key community:household, CloudEvents headers, acks=all. */
    private static void send(String bootstrap, String community, List<String> ids, AtomicInteger sent, long t0) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String ceType = EventType.of(HouseholdSnapshotV1.class).ceType();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < ids.size(); i++) {
                long notBefore = t0 + TimeUnit.SECONDS.toNanos(i) / PER_SECOND;
                long wait = notBefore - System.nanoTime();
                if (i % 50 == 0 && wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HouseholdSnapshotV1 h = new HouseholdSnapshotV1("H%05d".formatted(i + 1), community, "G01", "Y01", true, 1,
                        Instant.now());
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REGISTRY_HOUSEHOLDS, h.recordKey(), EventJson.write(h));
                Map.of("ce_id", ids.get(i), "ce_type", ceType, "ce_subject", community, "ce_specversion", "1.0",
                                "ce_source", "/yingzao/registry", "ce_time", Instant.now().toString(), "content-type", "application/json")
                        .forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
                if (i % 50 == 49) {
                    producer.flush();
                    sent.set(i + 1);
                }
            }
            producer.flush();
            sent.set(ids.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

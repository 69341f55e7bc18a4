package city.yingzao.benchmarks;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 9, end-to-end event latency: from an outbox row committed to the consumer's committed effect,
 * through the shipped code only. The finance service as it ships relays its outbox to Kafka and
 * consumes {@code registry.households} into its replica, so the benchmark commits household
 * snapshots into finance's own outbox (what {@code Outbox.append} does inside a use case) at a steady
 * rate, and reads each event's {@code processed_event.processed_at} (committed with the effect) minus
 * its {@code outbox_message.occurred_at} (committed with the state change). Both clocks are this
 * machine's. Prints p50/p99/max; asserts nothing. Target: p99 &lt; 500 ms at 1,000 events/s for 60 s.
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/finance -am package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java -Dbench.main=city.yingzao.benchmarks.EventLatencyBenchmark \
 *     [-Dbench.args="--rate 1000 --seconds 60"]
 * </pre>
 */
public final class EventLatencyBenchmark {

    private EventLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int rate = Integer.parseInt(options.getOrDefault("--rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup-seconds", "10"));
        System.out.printf("machine: %d cores, Java %s; %,d events/s for %d s after %d s of warm-up%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rate, seconds, warmup);
        try (FinanceApp app = FinanceApp.start(Options.jar(options, "finance"), 18094, List.of("-Xmx1g"))) {
            System.out.println("service log: " + app.log());
            String runId = UUID.randomUUID().toString().substring(0, 8);
            steady(rate, warmup, "W" + runId);
            Instant measuredFrom = Instant.now();
            int written = steady(rate, seconds, "M" + runId);
            double actualRate = written / (double) Duration.between(measuredFrom, Instant.now()).toMillis() * 1000;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            String measured = "M" + runId + "%";
            while (TestPostgres.count("""
                    select count(*) from outbox_message o join processed_event p on p.event_id = o.id
                    where o.partition_key like ?""", measured) < written && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Latencies latencies = new Latencies(written);
            try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("""
                    select extract(epoch from (p.processed_at - o.occurred_at)) * 1e9
                    from outbox_message o join processed_event p on p.event_id = o.id where o.partition_key like ?""")) {
                s.setString(1, measured);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        latencies.add(rs.getLong(1));
                    }
                }
            }
            System.out.printf("end-to-end outbox -> Kafka -> committed effect: %,d of %,d events at %,.0f events/s: "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; target p99 < 500 ms%n",
                    latencies.size(), written, actualRate, latencies.percentileMillis(50), latencies.percentileMillis(99),
                    latencies.percentileMillis(100));
        }
        System.exit(0); // the embedded broker's threads would keep exec:java waiting
    }

    /** Commits {@code rate} outbox rows a second, in ten small transactions a second, for {@code seconds}. */
    private static int steady(int rate, int seconds, String communityPrefix) throws Exception {
        int perTick = Math.max(1, rate / 100);
        long tick = Duration.ofMillis(10).toNanos();
        long start = System.nanoTime();
        int written = 0;
        String type = EventType.of(HouseholdSnapshotV1.class).ceType();
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("""
                insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, clock_timestamp())""")) {
            c.setAutoCommit(false);
            for (long n = 0; n < (long) seconds * 100; n++) {
                for (int i = 0; i < perTick; i++) {
                    String community = communityPrefix + (written % 500);
                    HouseholdSnapshotV1 h = new HouseholdSnapshotV1("H" + written, community, "G01", null, true, 1, Instant.now());
                    s.setObject(1, UUID.randomUUID());
                    s.setString(2, Topics.REGISTRY_HOUSEHOLDS);
                    s.setString(3, h.recordKey());
                    s.setString(4, community);
                    s.setString(5, type);
                    s.setString(6, community);
                    s.setString(7, EventJson.write(h));
                    s.addBatch();
                    written++;
                }
                s.executeBatch();
                c.commit();
                long next = start + (n + 1) * tick;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        return written;
    }
}

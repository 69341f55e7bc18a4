package city.yingzao.benchmarks;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9, first load of a replica: how long a new service (or one rebuilding its replica) takes to
 * consume a city's registry from the compacted topics before it is ready. Fills
 * {@code registry.communities} with 40,000 community snapshots and {@code registry.households} with
 * 8,000,000 household snapshots (printing the raw produce rate: the broker's ceiling for that record
 * size, acks=all, idempotent), measures raw PostgreSQL upserts of the replica's shape (id record +
 * upsert per 2,000 rows: the database's ceiling), then starts the finance service as it ships and
 * times it from start until {@code /q/health/ready} (the replica caught up to the end offsets at
 * start), with the memory it used. Prints figures; asserts nothing. Target: &lt; 10 minutes
 * (&ge; 15,000 snapshots/s).
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/finance -am package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java -Dbench.main=city.yingzao.benchmarks.ReplicaLoadBenchmark \
 *     [-Dbench.args="--households 8000000 --communities 40000"]
 * </pre>
 */
public final class ReplicaLoadBenchmark {

    private static final Instant AT = Instant.parse("2026-11-29T04:00:00Z");

    private ReplicaLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int communities = Integer.parseInt(options.getOrDefault("--communities", "40000"));
        long households = Long.parseLong(options.getOrDefault("--households", "8000000"));
        int ceilingRows = Integer.parseInt(options.getOrDefault("--ceiling-rows", "1000000"));
        Path jar = Options.jar(options, "finance");
        System.out.printf("machine: %d cores, Java %s; load: %,d communities, %,d households; service: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), communities, households, jar);

        createTopics();
        long t0 = System.nanoTime();
        produce(communities, households);
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        long records = communities + households;
        System.out.printf("kafka ceiling: raw produce of %,d snapshots (~%d B each, acks=all, idempotent) in %.1f s = %,.0f records/s%n",
                records, householdRecord(0, 0).length(), produceSeconds, records / produceSeconds);

        double ceiling = postgresCeiling(ceilingRows);
        System.out.printf("postgres ceiling: raw upserts of the replica's shape (2,000 ids + 2,000 rows per transaction), "
                + "%,d rows: %,.0f rows/s%n", ceilingRows, ceiling);

        long started = System.nanoTime();
        try (FinanceApp app = FinanceApp.launch(jar, 18093, List.of("-Xmx1g"))) {
            System.out.println("service log: " + app.log());
            long peakRss = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            HttpClient client = HttpClient.newHttpClient();
            while (System.nanoTime() < deadline) {
                peakRss = Math.max(peakRss, rssKb(app.pid()));
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long held = TestPostgres.count("select count(*) from replica_household")
                    + TestPostgres.count("select count(*) from replica_community");
            String metrics = client.send(HttpRequest.newBuilder(URI.create(app.url("/q/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            System.out.printf("first load: %,d snapshots held, service ready %.1f s after start = %,.0f snapshots/s "
                            + "(%.0f%% of the postgres ceiling); target < 600 s%n",
                    held, seconds, held / seconds, 100 * held / seconds / ceiling);
            System.out.printf("memory: service peak RSS %,d MiB (-Xmx1g), heap used now %,d MiB%n", peakRss / 1024,
                    heapUsed(metrics) / (1024 * 1024));
        }
        System.exit(0); // the embedded broker's threads would keep exec:java waiting
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            admin.createTopics(List.of(new NewTopic(Topics.REGISTRY_COMMUNITIES, 6, (short) 1).configs(compacted),
                    new NewTopic(Topics.REGISTRY_HOUSEHOLDS, 6, (short) 1).configs(compacted))).all().get();
        }
    }

    private static void produce(int communities, long households) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long perCommunity = households / communities;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int c = 0; c < communities; c++) {
                String code = community(c);
                send(producer, Topics.REGISTRY_COMMUNITIES, code, code, EventJson.write(new CommunitySnapshotV1(code,
                        "社区 " + c, c % 5 == 0 ? "RURAL" : "URBAN", "BD" + (c % 20),
                        List.of("MAIN_URBAN", "NEAR_SUBURB", "FAR_SUBURB").get(c % 3), "BS" + (c % 200), (int) perCommunity, 3,
                        List.of(new CommunitySnapshotV1.ResidentGroup("G01", "一组")), List.of(), 1, AT)),
                        EventType.of(CommunitySnapshotV1.class).ceType(), failure);
            }
            for (long h = 0; h < households; h++) {
                int c = (int) (h % communities);
                send(producer, Topics.REGISTRY_HOUSEHOLDS, community(c) + ":H" + h, community(c), householdRecord(c, h),
                        EventType.of(HouseholdSnapshotV1.class).ceType(), failure);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static String householdRecord(int c, long h) {
        return EventJson.write(new HouseholdSnapshotV1("H" + h, community(c), "G01", null, true, 1, AT));
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String community, String value,
            String ceType, AtomicReference<Exception> failure) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", ceType);
        header(record, "ce_source", "/yingzao/registry");
        header(record, "ce_subject", community);
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String community(int c) {
        return "C" + String.format("%06d", c);
    }

    /** The same two statements a replica batch runs, against scratch tables: what PostgreSQL does alone. */
    private static double postgresCeiling(int rows) throws Exception {
        try (Connection c = TestPostgres.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table ceiling_event (event_id uuid primary key, topic varchar(200) not null, processed_at timestamptz not null)");
                s.execute("""
                        create table ceiling_household (community_code varchar(32) not null, code varchar(32) not null,
                            group_code varchar(32) not null, courtyard_code varchar(32), active boolean not null,
                            revision bigint not null, updated_at timestamptz, primary key (community_code, code))""");
            }
            c.setAutoCommit(false);
            int batch = 2000;
            long started = System.nanoTime();
            for (int from = 0; from < rows; from += batch) {
                int n = Math.min(batch, rows - from);
                UUID[] ids = new UUID[n];
                String[] community = new String[n], code = new String[n], group = new String[n], courtyard = new String[n],
                        updated = new String[n];
                Boolean[] active = new Boolean[n];
                Long[] revision = new Long[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = UUID.randomUUID();
                    community[i] = community((from + i) % 40_000);
                    code[i] = "H" + (from + i);
                    group[i] = "G01";
                    active[i] = true;
                    revision[i] = 1L;
                    updated[i] = AT.toString();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into ceiling_event (event_id, topic, processed_at) select id, 'ceiling', now() from unnest(?) id
                        on conflict (event_id) do nothing returning event_id""")) {
                    s.setArray(1, c.createArrayOf("uuid", ids));
                    s.executeQuery().close();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into ceiling_household select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::bool[], ?::int8[], ?::timestamptz[])
                        on conflict (community_code, code) do update set active = excluded.active, revision = excluded.revision
                        where ceiling_household.revision < excluded.revision""")) {
                    s.setArray(1, c.createArrayOf("varchar", community));
                    s.setArray(2, c.createArrayOf("varchar", code));
                    s.setArray(3, c.createArrayOf("varchar", group));
                    s.setArray(4, c.createArrayOf("varchar", courtyard));
                    s.setArray(5, c.createArrayOf("bool", active));
                    s.setArray(6, c.createArrayOf("int8", revision));
                    s.setArray(7, c.createArrayOf("varchar", updated));
                    s.executeUpdate();
                }
                c.commit();
            }
            double rate = rows / ((System.nanoTime() - started) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("drop table ceiling_event");
                s.execute("drop table ceiling_household");
            }
            c.commit();
            return rate;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception gone) {
            // the process ended
        }
        return 0;
    }

    private static long heapUsed(String metrics) {
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return (long) sum;
    }
}

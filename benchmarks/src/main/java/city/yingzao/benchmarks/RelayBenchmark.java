package city.yingzao.benchmarks;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.finance.AllocationMadeV1;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Figures for issue 9 (item 3): the kernel's outbox relay, from outbox rows to records acknowledged
 * by the broker and marked sent, beside this machine's ceiling measured in the same run: a raw
 * {@code KafkaProducer} with the relay's settings ({@code acks=all}, idempotent, same linger and
 * batch size, same headers, explicit murmur2 partition) producing records of the same size to the
 * same broker. Target: at least 20,000 events/s.
 *
 * <p>The relay runs as it ships: the finance service's fast-jar in its own JVM against this JVM's
 * embedded PostgreSQL and in-process Kafka broker. The benchmark writes {@code AllocationMadeV1}
 * rows (one per community, as an allocation run does) straight into {@code outbox_message} in one
 * transaction and measures from its commit until no row is pending; then checks that the topic grew
 * by as many records. Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/finance -am package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java -Dbench.main=city.yingzao.benchmarks.RelayBenchmark [-Dbench.args="--events 100000"]
 * </pre>
 */
public final class RelayBenchmark {

    private static final String CEILING_TOPIC = "bench.ceiling";
    private static final String INSERT = """
            insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private RelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(options.getOrDefault("--app", "../services/finance/target/quarkus-app/quarkus-run.jar"));
        if (!jar.toFile().exists()) {
            jar = Path.of(options.getOrDefault("--app", "services/finance/target/quarkus-app/quarkus-run.jar"));
        }
        int events = Integer.parseInt(options.getOrDefault("--events", "100000"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "20000"));
        int communities = Integer.parseInt(options.getOrDefault("--communities", "4000"));
        int port = Integer.parseInt(options.getOrDefault("--port", "18084"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (options.containsKey("--batch-size")) {
            jvm.add("-Dyingzao.outbox.batch-size=" + options.get("--batch-size"));
        }

        System.out.printf("machine: %d cores, Java %s, load average %.1f; relay: %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), jar, jvm);
        String sample = payload(0, communities);
        System.out.printf("record: AllocationMadeV1, payload %d bytes, 7 CloudEvents headers; %,d communities (partition keys), 6 partitions%n",
                sample.getBytes(StandardCharsets.UTF_8).length, communities);

        try (FinanceApp app = FinanceApp.start(jar, port, jvm)) {
            System.out.println("service log: " + app.log());
            createTopic(CEILING_TOPIC, 6);

            System.out.println();
            System.out.println("== ceiling: raw KafkaProducer, the relay's settings, same record size, same broker ==");
            ceiling(warmup, communities, "warm-up");
            double ceiling = ceiling(events, communities, "measured");

            System.out.println();
            System.out.println("== relay: rows committed to outbox_message -> acknowledged by the broker and marked sent ==");
            relay(warmup, communities, 0, "warm-up");
            double relay = relay(events, communities, warmup, "measured");

            System.out.println();
            System.out.printf("relay %,.0f events/s, ceiling %,.0f records/s: ratio %.2f; target >= 20,000 events/s: %s%n",
                    relay, ceiling, relay / ceiling, relay >= 20_000 ? "met" : "MISSED");
        }
        System.exit(0);
    }

    /** The payload of one community's allocation, as the allocation run writes it. */
    private static String payload(int i, int communities) {
        String code = community(i, communities);
        return EventJson.write(new AllocationMadeV1(UUID.randomUUID().toString(), code, 2201, "URBAN", "MAIN_URBAN",
                2350 + i % 900, "URBAN_PER_100_HOUSEHOLDS", 47_000_000L + i, 28_200_000L + i, 18_800_000L,
                3, Instant.parse("2026-12-01T04:00:00Z")));
    }

    private static String community(int i, int communities) {
        return "B" + (510104000 + i % communities);
    }

    private static double ceiling(int count, int communities, String label) throws Exception {
        Map<String, Object> props = new HashMap<>();
        // the same as OutboxRelay.producerSettings
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-ceiling");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // built before the clock starts, as the relay's rows exist before it reads them
        List<ProducerRecord<String, String>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = community(i, communities);
            ProducerRecord<String, String> record = new ProducerRecord<>(CEILING_TOPIC,
                    Utils.toPositive(Utils.murmur2(code.getBytes(StandardCharsets.UTF_8))) % 6,
                    System.currentTimeMillis(), code + ":2201", payload(i, communities));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, EventType.ALLOCATION_MADE.ceType());
            header(record, CloudEventHeaders.SOURCE, "/yingzao/finance");
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.SUBJECT, code);
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            records.add(record);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(CEILING_TOPIC);
            long start = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(count);
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = count / seconds;
            System.out.printf("  %-9s %,9d records in %6.2f s: %,9.0f records/s%n", label, count, seconds, rate);
            return rate;
        }
    }

    private static double relay(int count, int communities, int offset, String label) throws Exception {
        long before = endOffsets(Topics.FINANCE_ALLOCATIONS);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = TestPostgres.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = offset; i < offset + count; i++) {
                    String code = community(i, communities);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, Topics.FINANCE_ALLOCATIONS);
                    insert.setString(3, code + ":2201");
                    insert.setString(4, code);
                    insert.setString(5, EventType.ALLOCATION_MADE.ceType());
                    insert.setString(6, code);
                    insert.setObject(7, payload(i, communities), Types.OTHER);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    if ((i - offset + 1) % 5000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            long start = System.nanoTime();
            connection.setAutoCommit(true);
            try (PreparedStatement pending = connection.prepareStatement(
                    "select count(*) from outbox_message where sent_at is null")) {
                long deadline = start + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < deadline) {
                    try (ResultSet rs = pending.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            break;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = count / seconds;
            long published = endOffsets(Topics.FINANCE_ALLOCATIONS) - before;
            System.out.printf("  %-9s %,9d rows    in %6.2f s: %,9.0f events/s (topic grew by %,d records)%n",
                    label, count, seconds, rate, published);
            return rate;
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
        }
    }

    private static long endOffsets(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}

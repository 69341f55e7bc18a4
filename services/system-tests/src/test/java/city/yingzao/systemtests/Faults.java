package city.yingzao.systemtests;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the fault tests share: an HTTP client that keeps the status, content type, {@code Retry-After}
 * and body of every answer; SQL counts in a service's own database; a topic read from its beginning to
 * its end offsets; occurrences of event ids.
 */
final class Faults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Faults() {
    }

    /** One answer; status -1 when the request did not get one (the service was gone). */
    record Answer(int status, String contentType, String retryAfter, String body) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        /** A 503 as the platform answers it: problem details, Retry-After, type unavailable, no stack trace. */
        boolean isUnavailableProblem() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && retryAfter != null && body.contains("\"urn:yingzao:problem:unavailable\"") && !leaksInternals();
        }

        boolean leaksInternals() {
            return body.contains("Exception") || body.contains("\tat ") || body.contains("at city.yingzao")
                    || body.contains("org.postgresql") || body.contains("org.hibernate");
        }

        String brief() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    static Answer post(String url, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return send(b, token);
        } catch (IOException e) {
            return new Answer(-1, null, null, e.toString());
        }
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").GET(),
                token);
    }

    private static Answer send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.body());
        } catch (IOException e) {
            return new Answer(-1, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, e.toString());
        }
    }

    /** A JDBC connection to a service's own database on the embedded PostgreSQL. */
    static Connection db(SystemUnderTest sut, String service) throws SQLException {
        return DriverManager.getConnection(sut.jdbcUrl(service), TestPostgres.USER, TestPostgres.PASSWORD);
    }

    /** The first column of the first row, as a long; parameters that are collections go as arrays (text[] or uuid[]). */
    static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(db, s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as text. */
    static List<String> strings(Connection db, String sql, Object... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(db, s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void bind(Connection db, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Collection<?> c) {
                s.setArray(i + 1, db.createArrayOf("text", c.stream().map(String::valueOf).toArray()));
            } else {
                s.setObject(i + 1, parameters[i]);
            }
        }
    }

    /** Polls until the count query gives {@code expected} or the timeout passes; returns the last count. */
    static long awaitCount(Connection db, long expected, Duration timeout, String sql, Object... parameters) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long n;
        while ((n = count(db, sql, parameters)) != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return n;
    }

    static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Everything the topic holds now: every partition from its beginning to the end offsets taken at the
     * call, committed records only, no consumer group. Called once the outbox marked the rows sent (after
     * the broker's acknowledgement), so every copy the relay sent is inside, duplicates included.
     */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + ends + " within 120 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /** How many times each of the wanted event ids ({@code ce_id}) is on the records; ids never seen are left out. */
    static Map<String, Long> occurrences(List<ConsumerRecord<String, String>> records, Set<String> wanted) {
        return records.stream().map(r -> TestKafka.header(r, CloudEventHeaders.ID)).filter(wanted::contains)
                .collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    /** Answers by status, for the failure messages and the printout. */
    static Map<Integer, Long> byStatus(Collection<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

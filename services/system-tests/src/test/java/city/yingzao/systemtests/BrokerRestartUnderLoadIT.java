package city.yingzao.systemtests;

import city.yingzao.testing.TestKafka;
import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactional outbox under a broker outage: registrations keep being accepted (they go to
 * PostgreSQL, not to Kafka), and once the broker is back every one of them is published, none twice.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The registry while its Kafka broker restarts")
class BrokerRestartUnderLoadIT {

    private static final int REGISTRATIONS = 1_000;
    private static final int CLIENTS = 4;
    /** Kafka goes down after this many answers. */
    private static final int STOP_AFTER = 200;
    /** How long the broker stays down once its process is gone. */
    private static final Duration DOWN_FOR = Duration.ofSeconds(4);
    /** At most one request starts per this interval (a steady load, ~125/s), so the outage falls inside the burst. */
    private static final long PACE_MICROS = 8_000;
    private static final int GIVE_UP_AFTER_FAILURES = 20;

    @Test
    @DisplayName("1,000 registrations all get 201 while the broker is stopped and restarted mid-burst, and each is published exactly once")
    void noEventLostOrDuplicatedAcrossABrokerRestart(SystemUnderTest sut) throws Exception {
        RegistryApi api = new RegistryApi(sut.registryUrl());
        KafkaBroker kafka = sut.kafka();
        String token = sut.token("city-operator");
        api.ensure("/api/districts", token, RegistryApi.district("510104", "锦江区", "MAIN_URBAN"));
        List<String> codes = new ArrayList<>(REGISTRATIONS);
        for (String street : List.of("510104031", "510104032")) {
            api.ensure("/api/streets", token, RegistryApi.street(street, "负载街道" + street.substring(6), "510104"));
            for (int i = 1; i <= REGISTRATIONS / 2; i++) {
                codes.add(street + String.format("%03d", i));
            }
        }

        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicLong lastAnswerAt = new AtomicLong();
        Map<String, String> notCreated = new ConcurrentHashMap<>();
        CountDownLatch stopPoint = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Object>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < REGISTRATIONS) {
                    long notBefore = t0 + TimeUnit.MICROSECONDS.toNanos(i * PACE_MICROS);
                    long wait = notBefore - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String code = codes.get(i);
                    RegistryApi.Answer a = api.post("/api/communities", token,
                            RegistryApi.community(code, "负载社区" + code.substring(6), code.substring(0, 9), 100 + i, 1 + i % 6));
                    if (a.status() != 201) {
                        notCreated.put(code, a.status() + " " + a.body());
                        if (notCreated.size() >= GIVE_UP_AFTER_FAILURES) {
                            next.set(REGISTRATIONS); // the service is broken, not the broker: end the burst early
                            stopPoint.countDown();
                        }
                    }
                    lastAnswerAt.set(System.nanoTime());
                    if (answered.incrementAndGet() == STOP_AFTER) {
                        stopPoint.countDown();
                    }
                }
                return null;
            }));
        }

        long tStop;
        long tDown;
        long tRestart;
        long tUp;
        int answeredAtStop;
        int answeredWhenDown;
        int answeredAtRestart;
        int answeredWhenUp;
        try {
            assertThat(stopPoint.await(120, TimeUnit.SECONDS)).as("%d answers within 120 s", STOP_AFTER).isTrue();
            assertAllCreated(notCreated, sut);
            tStop = System.nanoTime();
            answeredAtStop = answered.get();
            kafka.stop();
            tDown = System.nanoTime();
            answeredWhenDown = answered.get();
            Thread.sleep(DOWN_FOR.toMillis());
            tRestart = System.nanoTime();
            answeredAtRestart = answered.get();
            kafka.start();
            tUp = System.nanoTime();
            answeredWhenUp = answered.get();

            clients.shutdown();
            assertThat(clients.awaitTermination(180, TimeUnit.SECONDS)).as("the burst ends within 180 s").isTrue();
            for (Future<Object> worker : workers) {
                worker.get(); // a client that failed by an exception fails the test here
            }
        } finally {
            clients.shutdownNow();
            if (!kafka.isRunning()) {
                kafka.start(); // whatever failed, the other test classes get their broker back
            }
        }
        long tBurstEnd = lastAnswerAt.get();

        assertAllCreated(notCreated, sut);
        assertThat(answeredAtRestart - answeredWhenDown)
                .as("registrations answered while the broker process was gone (the outage must fall inside the burst)")
                .isPositive();

        Set<String> wanted = new HashSet<>(codes);
        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(kafka.bootstrapServers(),
                Topics.REGISTRY_COMMUNITIES, Duration.ofSeconds(120),
                r -> r.stream().map(ConsumerRecord::key).filter(wanted::contains).distinct().count() == REGISTRATIONS);
        long tAllRead = System.nanoTime();

        Map<String, Long> perCode = read.stream().map(ConsumerRecord::key).filter(wanted::contains)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        Set<String> missing = new HashSet<>(wanted);
        missing.removeAll(perCode.keySet());
        Map<String, Long> perCeId = read.stream()
                .map(r -> java.util.Objects.requireNonNullElse(TestKafka.header(r, CloudEventHeaders.ID), "(no ce_id)"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        System.out.printf("""
                [system-tests] broker restart under load:
                  %d registrations by %d clients in %.1f s (%.0f/s), all 201: %s
                  broker stopped after %d answers; stop (SIGTERM until the process was gone) %d ms
                  broker down %d ms; answers while it was gone: %d; while stopping or starting: %d
                  broker start until it answered %d ms
                  all %d events read back %.1f s after the broker was up (%.1f s after the last answer), %d records on %s
                """,
                REGISTRATIONS, CLIENTS, secs(t0, tBurstEnd), REGISTRATIONS / secs(t0, tBurstEnd), notCreated.isEmpty(),
                answeredAtStop, ms(tStop, tDown),
                ms(tDown, tRestart), answeredAtRestart - answeredWhenDown,
                (answeredWhenDown - answeredAtStop) + (answeredWhenUp - answeredAtRestart),
                ms(tRestart, tUp),
                perCode.size(), secs(tUp, tAllRead), secs(tBurstEnd, tAllRead), read.size(), Topics.REGISTRY_COMMUNITIES);

        assertThat(missing).as("registered communities never published (lost)").isEmpty();
        assertThat(perCode).as("communities published more than once").allSatisfy((code, n) -> assertThat(n).isEqualTo(1L));
        assertThat(perCeId).as("ce_id published more than once on %s", Topics.REGISTRY_COMMUNITIES)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        // the outage was the broker's (retriable): it made rounds back off, it never counted against a row
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(sut.jdbcUrl("registry"),
                city.yingzao.testing.TestPostgres.USER, city.yingzao.testing.TestPostgres.PASSWORD);
             java.sql.Statement s = db.createStatement();
             java.sql.ResultSet rs = s.executeQuery(
                     "select count(*) filter (where attempts > 0), count(*) filter (where parked_at is not null) from outbox_message")) {
            rs.next();
            assertThat(rs.getLong(1)).as("outbox rows with attempts counted for a broker outage").isZero();
            assertThat(rs.getLong(2)).as("outbox rows parked for a broker outage").isZero();
        }
    }

    private static void assertAllCreated(Map<String, String> notCreated, SystemUnderTest sut) {
        Map<String, Long> byStatus = notCreated.values().stream()
                .collect(Collectors.groupingBy(v -> v.split(" ", 2)[0], TreeMap::new, Collectors.counting()));
        String samples = new TreeMap<>(notCreated).entrySet().stream().limit(3)
                .map(e -> "  " + e.getKey() + " -> " + e.getValue()).collect(Collectors.joining("\n"));
        assertThat(notCreated.size())
                .as("registrations not answered 201 (status -> count: %s), e.g.%n%s%n%s", byStatus, samples,
                        notCreated.isEmpty() ? "" : sut.logTail("registry", 40))
                .isZero();
    }

    private static long ms(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }
}

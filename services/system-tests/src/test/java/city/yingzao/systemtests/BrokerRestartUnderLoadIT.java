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
 * The transactional outbox under a broker outage: writes keep being accepted (they go to PostgreSQL,
 * not to Kafka), and once the broker is back every one of their events is published, none twice. The
 * registry first on its own under a heavier burst, then every producer through one restart.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The producers while their Kafka broker restarts")
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

    // ----- every producer -----

    /** Writes per producer; one starts every {@link #EVERY_PRODUCER_PACE_MILLIS} per producer, so the burst lasts ~24 s. */
    private static final int PER_PRODUCER = 120;
    private static final long EVERY_PRODUCER_PACE_MILLIS = 200;
    /** The broker goes down once every producer has had this many writes answered. */
    private static final int EVERY_PRODUCER_STOP_AFTER = 15;
    /** The topic of the outbox rows committed straight into the databases of producers whose events need a long chain first. */
    static final String SQL_TOPIC = "systemtests.broker-restart";

    /** One write of a producer: what identifies its event in the outbox, and the HTTP answer (null: committed by SQL). */
    private record Write(String marker, Faults.Answer answer, long at) {
    }

    /**
     * A producing service, its topic, the outbox column that identifies a write's event, and one write.
     * Registry, finance and training are written through their API (a community, a fund project, a
     * certificate on evidence: each emits one event); deliberation, grants and evaluation publish only at
     * the end of chains (a council's vote, an award, an evaluation after a project started), so their writes
     * are outbox rows committed into their own database, one transaction each, for a topic of the test's.
     */
    private record Producer(String service, String topic, String marker, java.util.function.IntFunction<Write> write) {
    }

    @Test
    @DisplayName("registry, finance, training (API writes) and deliberation, grants, evaluation (outbox commits) through one broker restart: every write 2xx or a 503 problem, every event on its topic exactly once")
    void everyProducerPublishesEachEventOnceAcrossABrokerRestart(SystemUnderTest sut) throws Exception {
        KafkaBroker kafka = sut.kafka();
        Faults.createTopic(kafka.bootstrapServers(), SQL_TOPIC, 3);
        String run = java.util.UUID.randomUUID().toString().substring(0, 6);
        String operator = sut.token("city-operator");
        RegistryApi registryApi = new RegistryApi(sut.registryUrl());
        registryApi.ensure("/api/districts", operator, RegistryApi.district("510104", "锦江区", "MAIN_URBAN"));
        registryApi.ensure("/api/streets", operator, RegistryApi.street("510104035", "负载街道35", "510104"));
        ProducerKillBeforeSendIT.territory(sut);
        assertThat(ProducerKillBeforeSendIT.createProject(sut, "代理重启 预热", Duration.ofSeconds(60)).status())
                .as("finance knows %s", ProducerKillBeforeSendIT.COMMUNITY).isEqualTo(201);
        String training = sut.serviceUrl("training");
        String financeProjects = sut.financeUrl() + "/api/communities/" + ProducerKillBeforeSendIT.COMMUNITY + "/projects";
        String staff = sut.token("community-staff-2");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        List<Producer> producers = new ArrayList<>(List.of(
                new Producer("registry", Topics.REGISTRY_COMMUNITIES, "record_key", i -> {
                    String code = "510104035" + String.format("%03d", i);
                    return new Write(code, Faults.post(sut.registryUrl() + "/api/communities", operator,
                            RegistryApi.community(code, "代理社区" + i, "510104035", 100 + i, 1 + i % 6)), System.nanoTime());
                }),
                new Producer("finance", Topics.FINANCE_PROJECTS, "payload->>'projectId'", i -> {
                    Faults.Answer a = Faults.post(financeProjects, staff, ProducerKillBeforeSendIT.project("代理重启 " + run + " " + i));
                    String id = null;
                    try {
                        id = a.status() == 201 ? json.readTree(a.body()).get("id").asText() : null;
                    } catch (java.io.IOException e) {
                        // left null: the answer is reported below
                    }
                    return new Write(id, a, System.nanoTime());
                }),
                new Producer("training", Topics.TRAINING_CERTIFICATIONS, "payload->>'personId'", i -> {
                    String person = "bk-" + run + "-" + i;
                    return new Write(person, Faults.post(training + "/api/schemes/SUPERVISOR/grants", operator,
                            Map.of("personId", person, "holderName", "督导 " + i, "evidence", "系统测试：代理重启")), System.nanoTime());
                })));
        List<java.sql.Connection> sqlWriters = new ArrayList<>();
        for (String service : List.of("deliberation", "grants", "evaluation")) {
            sut.serviceUrl(service); // its relay runs
            java.sql.Connection db = Faults.db(sut, service);
            sqlWriters.add(db);
            producers.add(new Producer(service, SQL_TOPIC, "id::text", i -> new Write(commitOutboxRow(db, service, i), null, System.nanoTime())));
        }

        Map<String, List<Write>> writes = new ConcurrentHashMap<>();
        producers.forEach(p -> writes.put(p.service(), java.util.Collections.synchronizedList(new ArrayList<>())));
        ExecutorService clients = Executors.newFixedThreadPool(producers.size());
        List<Future<Object>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Producer p : producers) {
            workers.add(clients.submit(() -> {
                for (int i = 1; i <= PER_PRODUCER; i++) {
                    long notBefore = t0 + TimeUnit.MILLISECONDS.toNanos(i * EVERY_PRODUCER_PACE_MILLIS);
                    long wait = notBefore - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    writes.get(p.service()).add(p.write().apply(i));
                }
                return null;
            }));
        }
        long tStop;
        long tDown;
        long tRestart;
        long tUp;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (writes.values().stream().anyMatch(w -> w.size() < EVERY_PRODUCER_STOP_AFTER) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            tStop = System.nanoTime();
            kafka.stop();
            tDown = System.nanoTime();
            Thread.sleep(DOWN_FOR.toMillis());
            tRestart = System.nanoTime();
            kafka.start();
            tUp = System.nanoTime();
            clients.shutdown();
            assertThat(clients.awaitTermination(180, TimeUnit.SECONDS)).as("the burst ends within 180 s").isTrue();
            for (Future<Object> worker : workers) {
                worker.get();
            }
        } finally {
            clients.shutdownNow();
            if (!kafka.isRunning()) {
                kafka.start();
            }
            for (java.sql.Connection db : sqlWriters) {
                db.close();
            }
        }

        StringBuilder report = new StringBuilder(String.format(
                "[system-tests] broker restart under load, every producer (%d writes each, one per %d ms):%n"
                        + "  broker stopped %.1f s into the burst, gone %.1f s later, down %d ms, answering again %.1f s after its start%n",
                PER_PRODUCER, EVERY_PRODUCER_PACE_MILLIS, (tStop - t0) / 1e9, (tDown - tStop) / 1e9, ms(tDown, tRestart),
                (tUp - tRestart) / 1e9));
        Map<String, Runnable> checks = new java.util.LinkedHashMap<>();
        for (Producer p : producers) {
            List<Write> done = List.copyOf(writes.get(p.service()));
            List<Faults.Answer> answers = done.stream().map(Write::answer).filter(java.util.Objects::nonNull).toList();
            List<String> wrong = answers.stream().filter(a -> !a.is2xx() && !a.isUnavailableProblem()).map(Faults.Answer::brief).toList();
            List<String> markers = done.stream().filter(w -> w.answer() == null || w.answer().is2xx()).map(Write::marker).toList();
            long whileGone = done.stream().filter(w -> w.at() > tDown && w.at() < tRestart && (w.answer() == null || w.answer().is2xx())).count();
            long sent;
            List<String> ceIds;
            long counted;
            try (java.sql.Connection db = Faults.db(sut, p.service())) {
                sent = Faults.awaitCount(db, markers.size(), Duration.ofSeconds(120),
                        "select count(*) from outbox_message where topic = ? and sent_at is not null and " + p.marker() + " = any(?)",
                        p.topic(), markers);
                ceIds = Faults.strings(db, "select id::text from outbox_message where topic = ? and " + p.marker() + " = any(?)",
                        p.topic(), markers);
                counted = Faults.count(db, "select count(*) from outbox_message where topic = ? and (attempts > 0 or parked_at is not null)"
                        + " and " + p.marker() + " = any(?)", p.topic(), markers);
            }
            Set<String> wanted = new HashSet<>(ceIds);
            Map<String, Long> occurrences = Faults.occurrences(Faults.readAll(kafka.bootstrapServers(), p.topic()), wanted);
            long missing = wanted.stream().filter(id -> !occurrences.containsKey(id)).count();
            long twice = occurrences.values().stream().filter(n -> n > 1).count();
            report.append(String.format("  %-12s %3d writes%s, %3d committed while the broker was gone; %3d events sent on %s: %d missing, %d twice%n",
                    p.service(), done.size(), answers.isEmpty() ? " (outbox commits)" : " " + Faults.byStatus(answers), whileGone,
                    sent, p.topic(), missing, twice));
            checks.put(p.service(), () -> {
                assertThat(done).as("%s: writes made", p.service()).hasSize(PER_PRODUCER);
                assertThat(wrong).as("%s: answers neither 2xx nor a 503 problem", p.service()).isEmpty();
                assertThat(whileGone).as("%s: writes committed while no broker process existed", p.service()).isPositive();
                assertThat(ceIds).as("%s: one outbox row per write", p.service()).hasSize(markers.size());
                assertThat(sent).as("%s: outbox rows marked sent within 120 s\n%s", p.service(), sut.logTail(p.service(), 20))
                        .isEqualTo(markers.size());
                assertThat(missing).as("%s: events never published (lost)", p.service()).isZero();
                assertThat(twice).as("%s: events published more than once (ce_id)", p.service()).isZero();
                assertThat(counted).as("%s: outbox rows with attempts counted or parked for the outage", p.service()).isZero();
            });
        }
        report.append(String.format("  burst and checks %.1f s%n", (System.nanoTime() - t0) / 1e9));
        System.out.print(report);
        checks.values().forEach(Runnable::run);
    }

    /** One write's commit, as a producer's transaction leaves it: an outbox row, committed on its own. */
    private static String commitOutboxRow(java.sql.Connection db, String service, int i) {
        java.util.UUID id = java.util.UUID.randomUUID();
        String key = "K" + service + (i % 6);
        try (java.sql.PreparedStatement insert = db.prepareStatement("""
                insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, SQL_TOPIC);
            insert.setString(3, key);
            insert.setString(4, key);
            insert.setString(5, "city.yingzao.systemtests.BrokerRestartProbe.v1");
            insert.setString(6, key);
            insert.setObject(7, "{\"service\":\"" + service + "\",\"write\":" + i + "}", java.sql.Types.OTHER);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not commit an outbox row into " + service, e);
        }
        return id.toString();
    }
}

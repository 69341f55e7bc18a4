package city.yingzao.systemtests;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.Topics;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted (fast shutdown, 5 s away, started again on the same port and data directory)
 * while the registry takes registrations and reads: during the outage requests get 503 problem details
 * with {@code Retry-After} and no stack trace, never a 500; readiness goes DOWN and comes back UP; the
 * service recovers without a restart, and every registration (those answered 503 sent again) is
 * published as exactly one event (a snapshot sent just as the database went away goes again with the same
 * {@code ce_id}: the relay could not mark it sent).
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The registry while its PostgreSQL restarts")
class DatabaseRestartUnderLoadIT {

    private static final String STREET = "510104036";
    private static final int WRITERS = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Each client starts a request at most this often. */
    private static final long PACE_MILLIS = 40;

    record Timed(long at, String kind, String code, Faults.Answer answer) {
    }

    @Test
    @DisplayName("registrations and reads through a 5 s PostgreSQL restart: 2xx or 503 problem+json with Retry-After, never 500; UP again without a restart; each registration published as one event")
    void answers503DuringTheOutageAndRecovers(SystemUnderTest sut) throws Exception {
        String registry = sut.registryUrl();
        String token = sut.token("city-operator");
        RegistryApi api = new RegistryApi(registry);
        api.ensure("/api/districts", token, RegistryApi.district("510104", "锦江区", "MAIN_URBAN"));
        api.ensure("/api/streets", token, RegistryApi.street(STREET, "故障街道", "510104"));

        AtomicInteger next = new AtomicInteger(1);
        AtomicBoolean stop = new AtomicBoolean();
        List<Timed> answers = new CopyOnWriteArrayList<>();
        List<Timed> health = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < WRITERS; c++) {
            workers.add(clients.submit(() -> {
                while (!stop.get()) {
                    int i = next.getAndIncrement();
                    if (i > 999) {
                        return null;
                    }
                    String code = STREET + String.format("%03d", i);
                    long at = System.nanoTime();
                    answers.add(new Timed(at, "write", code, Faults.post(registry + "/api/communities", token,
                            RegistryApi.community(code, "故障社区" + i, STREET, 100 + i, 1 + i % 6))));
                    pace(at);
                }
                return null;
            }));
        }
        workers.add(clients.submit(() -> {
            while (!stop.get()) {
                long at = System.nanoTime();
                answers.add(new Timed(at, "read", null, Faults.get(registry + "/api/communities?street=" + STREET, token)));
                pace(at);
            }
            return null;
        }));
        workers.add(clients.submit(() -> {
            while (!stop.get()) {
                long at = System.nanoTime();
                health.add(new Timed(at, "ready", null, Faults.get(registry + "/q/health/ready", null)));
                Faults.sleep(200);
            }
            return null;
        }));

        long tStop;
        long tBack;
        long tEnd;
        try {
            awaitAnswers(answers, 40);
            tStop = System.nanoTime();
            TestPostgres.outage(OUTAGE); // returns once the server accepts connections again
            tBack = System.nanoTime();
            // the load goes on until the registry answers writes again, at most 60 s
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && answers.stream().filter(t -> t.at() > tBack && t.answer().status() == 201).count() < 20) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).as("the clients end within 120 s").isTrue();
        }
        for (Future<?> w : workers) {
            w.get();
        }
        tEnd = System.nanoTime();

        Map<Integer, Long> writes = Faults.byStatus(answers.stream().filter(t -> t.kind().equals("write")).map(Timed::answer).toList());
        Map<Integer, Long> reads = Faults.byStatus(answers.stream().filter(t -> t.kind().equals("read")).map(Timed::answer).toList());
        List<Faults.Answer> unavailable = answers.stream().map(Timed::answer).filter(a -> a.status() == 503).toList();
        List<Faults.Answer> wrong = answers.stream().map(Timed::answer)
                .filter(a -> !(a.status() == 201 || a.status() == 200 || a.isUnavailableProblem())).toList();
        long healthDown = health.stream().filter(t -> t.at() > tStop && t.answer().status() == 503).count();
        long lastDownAt = health.stream().filter(t -> t.answer().status() != 200).mapToLong(Timed::at).max().orElse(tStop);
        boolean upAtEnd = health.stream().filter(t -> t.at() > lastDownAt).anyMatch(t -> t.answer().status() == 200);
        long recoveredAt = answers.stream().filter(t -> t.at() > tBack && t.answer().status() == 201).mapToLong(Timed::at).min().orElse(0);

        System.out.printf("""
                [system-tests] database restart under load (registry):
                  PostgreSQL stopped %.1f s into the load, back %.1f s later (outage %d s + stop + start)
                  writes by status %s, reads by status %s, %d answers were 503 problem details
                  readiness DOWN in %d probes; first 201 %.1f s after PostgreSQL was back; load ran %.1f s
                """, (tStop - answers.get(0).at()) / 1e9, (tBack - tStop) / 1e9, OUTAGE.toSeconds(), writes, reads, unavailable.size(),
                healthDown, recoveredAt == 0 ? -1 : (recoveredAt - tBack) / 1e9, (tEnd - answers.get(0).at()) / 1e9);

        assertThat(wrong).as("answers other than 2xx or a 503 problem (problem+json, Retry-After, type unavailable, no stack trace)")
                .extracting(Faults.Answer::brief).isEmpty();
        assertThat(unavailable).as("503 answers while PostgreSQL was away (the outage fell inside the load)").isNotEmpty();
        assertThat(healthDown).as("readiness probes answered DOWN (503) while PostgreSQL was away").isPositive();
        assertThat(upAtEnd).as("readiness UP again, without a restart of the registry").isTrue();
        assertThat(recoveredAt).as("a registration answered 201 after PostgreSQL was back").isPositive();

        // what was answered 503 is sent again: created now (201), or found created (409: the commit got through, the answer did not)
        Set<String> created = answers.stream().filter(t -> t.code() != null && t.answer().status() == 201).map(Timed::code)
                .collect(Collectors.toCollection(HashSet::new));
        List<String> retried = answers.stream().filter(t -> t.code() != null && t.answer().status() == 503).map(Timed::code).toList();
        Map<Integer, Long> retries = new ConcurrentHashMap<>();
        for (String code : retried) {
            Faults.Answer a = Faults.post(registry + "/api/communities", token,
                    RegistryApi.community(code, "故障社区" + code.substring(9), STREET, 100, 1));
            retries.merge(a.status(), 1L, Long::sum);
            assertThat(a.status()).as("%s sent again after the outage: %s", code, a.brief()).isIn(201, 409);
            created.add(code);
        }
        try (Connection db = Faults.db(sut, "registry")) {
            assertThat(Faults.count(db, "select count(*) from community where code = any(?)", List.copyOf(created)))
                    .as("registered communities of the street").isEqualTo(created.size());
            assertThat(Faults.awaitCount(db, created.size(), Duration.ofSeconds(60),
                    "select count(*) from outbox_message where topic = ? and sent_at is not null and record_key = any(?)",
                    Topics.REGISTRY_COMMUNITIES, List.copyOf(created))).as("their snapshots marked sent").isEqualTo(created.size());
        }
        List<ConsumerRecord<String, String>> read = Faults.readAll(sut.kafka().bootstrapServers(), Topics.REGISTRY_COMMUNITIES);
        Map<String, Long> perCode = read.stream().map(ConsumerRecord::key).filter(created::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // a snapshot the relay sent just before PostgreSQL went away could not be marked sent: it goes again after
        // the restart, as the same event (same ce_id), which consumers skip; a second, different event would be a bug
        Map<String, Set<String>> ceIdsPerCode = read.stream().filter(r -> created.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> String.valueOf(TestKafka.header(r, CloudEventHeaders.ID)), Collectors.toSet())));
        long repeats = perCode.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("  503 writes sent again: %s; %d communities published, %d record(s) repeated with the same ce_id%n",
                retries, perCode.size(), repeats);
        assertThat(perCode.keySet()).as("registered communities published").containsExactlyInAnyOrderElementsOf(created);
        assertThat(ceIdsPerCode).as("communities published as more than one event (a repeat must carry the same ce_id)")
                .allSatisfy((code, ids) -> assertThat(ids).hasSize(1));
    }

    private static void awaitAnswers(List<Timed> answers, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answers.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(answers).as("answers before the outage").hasSizeGreaterThanOrEqualTo(n);
    }

    private static void pace(long startedAt) {
        long wait = PACE_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        if (wait > 0) {
            Faults.sleep(wait);
        }
    }
}

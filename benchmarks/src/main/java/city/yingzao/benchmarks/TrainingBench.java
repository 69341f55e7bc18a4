package city.yingzao.benchmarks;

import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training service as it ships (its fast-jar, own JVM, embedded PostgreSQL and in-process Kafka,
 * this JVM's token key), driven over HTTP:
 * (a) 10,000 learners enrol themselves (10,000 distinct signed tokens) into 200 sessions of 40 seats,
 * so 8,000 take seats and 2,000 join waitlists; printed beside the same client's rate on a trivial
 * public read of the same service (the machine's own limit for this client and service, same run);
 * (b) the expiry job over 100,000 certificates past their date: two runs started at once (two
 * replicas), the sum must be 100,000 with each certificate's event in the outbox exactly once, then
 * the time the outbox relay takes to publish them to Kafka.
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl services/training -am package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java -Dbench.main=city.yingzao.benchmarks.TrainingBench \
 *     [-Dbench.args="--learners 10000 --sessions 200 --seats 40 --certificates 100000 --concurrency 32"]
 * </pre>
 */
public final class TrainingBench {

    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int learners = Integer.parseInt(o.getOrDefault("--learners", "10000"));
        int sessions = Integer.parseInt(o.getOrDefault("--sessions", "200"));
        int seats = Integer.parseInt(o.getOrDefault("--seats", "40"));
        int certificates = Integer.parseInt(o.getOrDefault("--certificates", "100000"));
        int concurrency = Integer.parseInt(o.getOrDefault("--concurrency", "32"));
        int port = Integer.parseInt(o.getOrDefault("--port", "18086"));
        Path jar = Options.jar(o, "training");
        System.out.printf("[training] %d cores, Java %s, jar %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jar);
        TestKafka.bootstrapServers();
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        try (FinanceApp app = FinanceApp.start(jar, port, List.of("-Xmx512m",
                "-Dyingzao.training.credential-key-seed=" + Base64.getEncoder().encodeToString(seed),
                "-Dyingzao.training.expiry.every=off"))) {
            System.out.println("[training] service log: " + app.log());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String operator = TestTokens.user("bench-operator").roles("city-operator").expiresIn(Duration.ofHours(2)).sign();
            String trainer = TestTokens.user("bench-trainer").roles("trainer").expiresIn(Duration.ofHours(2)).sign();

            List<String> ids = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                String body = "{\"courseCode\":\"CB-GENERAL\",\"title\":\"bench " + s + "\",\"place\":\"room\",\"capacity\":" + seats
                        + ",\"meetings\":[{\"startsAt\":\"2027-06-01T01:00:00Z\",\"endsAt\":\"2027-06-01T03:00:00Z\"}]}";
                HttpResponse<String> r = client.send(post(app.url("/api/sessions"), trainer, body), HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(r.body());
                if (r.statusCode() != 201 || !m.find()) {
                    throw new IllegalStateException("session: " + r.statusCode() + " " + r.body());
                }
                ids.add(m.group(1));
            }
            System.out.printf("[training] %d sessions of %d seats opened%n", sessions, seats);

            long t0 = System.nanoTime();
            List<String> tokens = new ArrayList<>(learners);
            for (int i = 0; i < learners; i++) {
                tokens.add(TestTokens.user(String.format("bench-learner-%05d", i)).roles("resident").expiresIn(Duration.ofHours(2)).sign());
            }
            System.out.printf("[training] %d learner tokens signed in %.1f s (client side, not measured below)%n", learners,
                    (System.nanoTime() - t0) / 1e9);

            // warm-up: 500 public reads and 200 enrolments of other people into a separate session
            run(client, 500, concurrency, i -> HttpRequest.newBuilder(URI.create(app.url("/api/public/institutions"))).build(), 200);

            Result baseline = run(client, learners, concurrency,
                    i -> HttpRequest.newBuilder(URI.create(app.url("/api/public/institutions"))).build(), 200);
            Result enrol = run(client, learners, concurrency,
                    i -> post(app.url("/api/sessions/" + ids.get(i % sessions) + "/enrolments"), tokens.get(i), ""), 201);
            long seated = TestPostgres.count("select count(*) from enrolment where state = 'SEATED'");
            long waiting = TestPostgres.count("select count(*) from enrolment where state = 'WAITLISTED'");
            long overfull = TestPostgres.count("select count(*) from (select session_id from enrolment where state = 'SEATED'"
                    + " group by session_id having count(*) > ?) x", seats);
            System.out.printf("[training] (a) baseline GET /api/public/institutions: %,.0f requests/s (p50 %.1f ms, p99 %.1f ms)%n",
                    baseline.perSecond(), baseline.latencies.percentileMillis(50), baseline.latencies.percentileMillis(99));
            System.out.printf("[training] (a) %,d self-enrolments into %d sessions: %.1f s, %,.0f enrolments/s (%.0f%% of the baseline),"
                            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d refused%n", learners, sessions, enrol.seconds, enrol.perSecond(),
                    100 * enrol.perSecond() / baseline.perSecond(), enrol.latencies.percentileMillis(50), enrol.latencies.percentileMillis(99),
                    enrol.latencies.percentileMillis(100), enrol.failures);
            System.out.printf("[training] (a) %,d seated, %,d waitlisted, %d sessions over capacity%n", seated, waiting, overfull);

            try (Connection c = TestPostgres.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("""
                        insert into certificate (code, person_id, scheme_code, holder_name, valid_from, valid_until, status, window_days,
                                                 granted_at, granted_how, updated_at)
                        select 'YZB-' || lpad(i::text, 8, '0'), 'bench-holder-' || i, 'PARTICIPATORY_EVALUATOR', 'Holder ' || i,
                               now() - interval '3 years', now() - interval '1 day' - (i || ' seconds')::interval, 'ACTIVE', 90,
                               now() - interval '3 years', 'EVIDENCE', now()
                        from generate_series(1, %d) i""".formatted(certificates));
            }
            long outboxBefore = TestPostgres.count("select count(*) from outbox_message");
            HttpClient slow = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long e0 = System.nanoTime();
            CompletableFuture<HttpResponse<String>> first = slow.sendAsync(post(app.url("/api/certificates/expiry-runs"), operator, ""),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = slow.sendAsync(post(app.url("/api/certificates/expiry-runs"), operator, ""),
                    HttpResponse.BodyHandlers.ofString());
            int a = expired(first.get()), b = expired(second.get());
            double expirySeconds = (System.nanoTime() - e0) / 1e9;
            long events = TestPostgres.count("select count(*) from outbox_message where ce_type like '%CertificationExpired%'");
            long distinct = TestPostgres.count("select count(distinct payload->>'certificateCode') from outbox_message"
                    + " where ce_type like '%CertificationExpired%'");
            System.out.printf("[training] (b) expiry of %,d certificates by two runs at once: %.1f s (%,.0f certificates/s);"
                            + " runs took %,d + %,d = %,d; %,d CertificationExpired in the outbox, %,d distinct%n", certificates, expirySeconds,
                    certificates / expirySeconds, a, b, a + b, events, distinct);
            long r0 = System.nanoTime();
            while (TestPostgres.count("select count(*) from outbox_message where sent_at is null") > 0
                    && System.nanoTime() - r0 < Duration.ofMinutes(10).toNanos()) {
                Thread.sleep(200);
            }
            double relaySeconds = (System.nanoTime() - r0) / 1e9;
            System.out.printf("[training] (b) the relay published the rest of the %,d outbox rows to Kafka %.1f s after the job ended%n",
                    TestPostgres.count("select count(*) from outbox_message") - outboxBefore, relaySeconds);
        }
        System.exit(0); // the embedded broker's threads would keep exec:java waiting
    }

    private static int expired(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"expired\":(\\d+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("expiry run: " + r.statusCode() + " " + r.body());
        }
        return Integer.parseInt(m.group(1));
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(15))
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    record Result(int requests, double seconds, int failures, Latencies latencies) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static Result run(HttpClient client, int n, int concurrency, IntFunction<HttpRequest> request, int expected) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        Latencies latencies = new Latencies(n);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            long t = System.nanoTime();
            all.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - t);
                if (e != null || r.statusCode() != expected) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return new Result(n, (System.nanoTime() - start) / 1e9, failures.get(), latencies);
    }
}

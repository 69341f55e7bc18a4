package city.yingzao.benchmarks;

import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figures for issue 13: (a) aggregation and ranking across a call of 1,000 projects x 3 evaluators x
 * 53 indicators (159,000 levels; target well under 1 s), beside the database's own time to read the
 * same levels; (b) 3,000 sheets submitted concurrently (each whole: 53 levels with evidence, a Q&A
 * entry, feedback), beside the database's own time for the same writes (3,000 transactions over plain
 * JDBC). Starts the evaluation service's shipped jar against embedded PostgreSQL and Kafka; drives it
 * over HTTP with signed tokens. Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/evaluation -am package -DskipTests
 * ./mvnw -B -ntp -pl benchmarks -am -Pbench compile exec:java -Dbench.main=city.yingzao.benchmarks.EvaluationBench
 * </pre>
 */
public final class EvaluationBench {

    static final int INDICATORS = 53;
    static final int[] COUNTS = {9, 9, 9, 9, 8, 9};

    private EvaluationBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path jar = Options.jar(options, "evaluation");
        int projects = Integer.parseInt(options.getOrDefault("--projects", "1000"));
        int sheets = Integer.parseInt(options.getOrDefault("--sheets", "3000"));
        int concurrency = Integer.parseInt(options.getOrDefault("--concurrency", "64"));
        int port = Integer.parseInt(options.getOrDefault("--port", "18085"));
        System.out.printf("machine: %d cores, Java %s; service: %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jar);
        try (FinanceApp app = FinanceApp.start(jar, port, List.of("-Xmx1g"))) {
            System.out.println("service log: " + app.log());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
            String operator = TestTokens.user("bench-operator").roles("city-operator").sign();

            System.out.println();
            System.out.printf("== (a) ranking of a call: %d projects x 3 evaluators x %d indicators ==%n", projects, INDICATORS);
            long t = System.nanoTime();
            seed("RANK", projects, 3, true);
            System.out.printf("seeded %,d levels in %.1f s%n", (long) projects * 3 * INDICATORS, (System.nanoTime() - t) / 1e9);
            int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
            for (int run = 0; run < runs + 2; run++) {
                rank(client, app, operator, run < 2 ? "warm-up" : "measured");
            }
            for (int run = 0; run < 3; run++) {
                long dbNanos = databaseRead("RANK");
                System.out.printf("database's own time to read the same levels (one query, every row fetched): %.0f ms%n", dbNanos / 1e6);
            }

            if (sheets == 0) {
                System.exit(0);
            }
            System.out.println();
            System.out.printf("== (b) %,d sheets submitted concurrently (%d in flight), each whole ==%n", sheets, concurrency);
            int evaluations = (sheets + 2) / 3;
            List<String[]> targets = seed("SUBMIT", evaluations, 3, false);
            submit(client, app, targets.subList(0, Math.min(targets.size(), sheets)), concurrency);
            List<String[]> dbTargets = seed("DBWRITE", evaluations, 3, false);
            long dbNanos = databaseWrite(dbTargets.subList(0, Math.min(dbTargets.size(), sheets)), Math.min(concurrency, 16));
            System.out.printf("database's own time for the same writes (%,d transactions of sheet + %d levels + Q&A, 16 connections): "
                    + "%.2f s = %,.0f sheets/s%n", sheets, INDICATORS, dbNanos / 1e9, sheets / (dbNanos / 1e9));
        }
        System.exit(0);
    }

    /**
     * Evaluations of one call, each with three assigned evaluators; with {@code scored} every sheet
     * submitted with levels spread over 0-4. Returns (evaluation id, evaluator id) per assignment.
     */
    static List<String[]> seed(String call, int evaluations, int evaluators, boolean scored) throws Exception {
        List<String[]> targets = new ArrayList<>();
        try (Connection c = TestPostgres.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement e = c.prepareStatement("""
                    insert into evaluation (id, project_id, call_id, organisation_code, community_code, kind, title, framework_version,
                        visible_from, window_opens_on, window_closes_on, evaluators_wanted, appeal_window_days, status, created_by, created_at)
                    values (?, ?, ?, ?, ?, 'MID_TERM', 'bench', 'provisional-2016-v1', current_date, current_date, current_date + 30, 3, 7,
                            'OPEN', 'bench', now())""");
                 PreparedStatement a = c.prepareStatement("""
                    insert into assignment (evaluation_id, evaluator_id, active, assigned_by, assigned_at) values (?, ?, true, 'bench', now())""")) {
                for (int i = 0; i < evaluations; i++) {
                    UUID id = UUID.randomUUID();
                    e.setObject(1, id);
                    e.setString(2, call + "-P" + i);
                    e.setString(3, "BENCH-" + call);
                    e.setString(4, "ORG" + i);
                    e.setString(5, "C" + (100000 + i));
                    e.addBatch();
                    for (int k = 0; k < evaluators; k++) {
                        String evaluator = "bench-" + call.toLowerCase() + "-" + i + "-" + k;
                        a.setObject(1, id);
                        a.setString(2, evaluator);
                        a.addBatch();
                        targets.add(new String[]{id.toString(), evaluator});
                    }
                }
                e.executeBatch();
                a.executeBatch();
            }
            if (scored) {
                try (Statement s = c.createStatement()) {
                    s.execute("""
                            insert into sheet (id, evaluation_id, evaluator_id, status, revision, submitted_at, feedback, updated_at)
                            select gen_random_uuid(), a.evaluation_id, a.evaluator_id, 'SUBMITTED', 1, now(), 'bench', now()
                            from assignment a join evaluation e on e.id = a.evaluation_id where e.call_id = 'BENCH-%s'""".formatted(call));
                    StringBuilder ids = new StringBuilder();
                    for (int d = 0; d < COUNTS.length; d++) {
                        for (int i = 1; i <= COUNTS[d]; i++) {
                            ids.append(ids.isEmpty() ? "" : ",").append("'").append(d + 1).append('.').append(i).append("'");
                        }
                    }
                    s.execute("""
                            insert into sheet_level (sheet_id, indicator_id, level)
                            select s.id, ind, (abs(hashtext(s.id::text || ind)) %% 5)::smallint
                            from sheet s join evaluation e on e.id = s.evaluation_id, unnest(array[%s]) ind
                            where e.call_id = 'BENCH-%s'""".formatted(ids, call));
                    s.execute("analyze");
                }
            }
            c.commit();
        }
        return targets;
    }

    static void rank(HttpClient client, FinanceApp app, String operator, String label) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(app.url("/api/calls/BENCH-RANK/ranking?kind=MID_TERM")))
                .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("ranking answered " + r.statusCode() + ": " + r.body());
        }
        String millis = r.body().replaceAll("(?s).*?\"millis\":(\\d+).*", "$1");
        int rows = r.body().split("\"rank\":", -1).length - 1;
        System.out.printf("%-9s GET ranking: %d projects ranked, %.0f ms at the client (%s ms in the service), %,d bytes%n",
                label, rows, nanos / 1e6, millis, r.body().length());
    }

    static long databaseRead(String call) throws Exception {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement("""
                select s.evaluation_id, s.evaluator_id, l.indicator_id, l.level
                from sheet s
                join assignment a on a.evaluation_id = s.evaluation_id and a.evaluator_id = s.evaluator_id and a.active
                join sheet_level l on l.sheet_id = s.id
                where s.status = 'SUBMITTED' and s.evaluation_id = any(?)
                order by s.evaluation_id, s.evaluator_id""")) {
            List<UUID> ids = new ArrayList<>();
            try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("select id from evaluation where call_id = 'BENCH-" + call + "'")) {
                while (rs.next()) {
                    ids.add((UUID) rs.getObject(1));
                }
            }
            c.setAutoCommit(false);
            s.setFetchSize(10_000);
            long t = System.nanoTime();
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows += rs.getInt(4) >= 0 ? 1 : 0;
                }
            }
            long nanos = System.nanoTime() - t;
            c.commit();
            if (rows != (long) ids.size() * 3 * INDICATORS) {
                System.out.println("  (read " + rows + " rows)");
            }
            return nanos;
        }
    }

    static String body(boolean withClientId) {
        StringBuilder b = new StringBuilder("{\"levels\":[");
        int n = 0;
        for (int d = 0; d < COUNTS.length; d++) {
            for (int i = 1; i <= COUNTS[d]; i++) {
                b.append(n++ == 0 ? "" : ",").append("{\"indicatorId\":\"").append(d + 1).append('.').append(i)
                        .append("\",\"level\":").append((d + i) % 5).append(",\"evidence\":[\"photo-").append(d + 1).append('-').append(i)
                        .append(".jpg\"],\"notes\":\"seen on site\"}");
            }
        }
        b.append("],\"qa\":[{\"question\":\"居民如何参与？\",\"answer\":\"院落会\"}],\"feedback\":\"骨干成长明显。\"");
        if (withClientId) {
            b.append(",\"clientId\":\"").append(UUID.randomUUID()).append("\",\"baseRevision\":0,\"clientSubmittedAt\":\"")
                    .append(Instant.now()).append('"');
        }
        return b.append('}').toString();
    }

    static void submit(HttpClient client, FinanceApp app, List<String[]> targets, int concurrency) throws Exception {
        List<String> tokens = new ArrayList<>(targets.size());
        List<String> bodies = new ArrayList<>(targets.size());
        for (String[] t : targets) {
            tokens.add(TestTokens.user(t[1]).roles("evaluator").sign());
            bodies.add(body(true));
        }
        Latencies latencies = new Latencies(targets.size());
        AtomicInteger failures = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < targets.size(); i++) {
            String[] target = targets.get(i);
            inFlight.acquire();
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.url("/api/evaluations/" + target[0] + "/sheets/" + target[1] + "/submit")))
                    .header("Authorization", "Bearer " + tokens.get(i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - sent);
                if (e != null || r.statusCode() != 201) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("  failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    }
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - t) / 1e9;
        long stored = Seed.count("select count(*) from sheet s join evaluation e on e.id = s.evaluation_id"
                + " where e.call_id = 'BENCH-SUBMIT' and s.status = 'SUBMITTED'");
        System.out.printf("service: %,d sheets in %.2f s = %,.0f sheets/s (%,.0f levels/s); p50 %.0f ms, p99 %.0f ms; %d failed; %,d stored%n",
                targets.size(), seconds, targets.size() / seconds, targets.size() * INDICATORS / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), failures.get(), stored);
    }

    static long databaseWrite(List<String[]> targets, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                try (Connection c = TestPostgres.connect()) {
                    c.setAutoCommit(false);
                    int i;
                    while ((i = next.getAndIncrement()) < targets.size()) {
                        String[] target = targets.get(i);
                        UUID sheet = UUID.randomUUID();
                        try (PreparedStatement s = c.prepareStatement("insert into sheet (id, evaluation_id, evaluator_id, status, revision,"
                                + " client_id, submitted_at, feedback, updated_at) values (?, ?, ?, 'SUBMITTED', 1, ?, now(), ?, now())");
                             PreparedStatement l = c.prepareStatement("insert into sheet_level (sheet_id, indicator_id, level, evidence, notes)"
                                     + " values (?, ?, ?, ?, ?)");
                             PreparedStatement q = c.prepareStatement("insert into sheet_qa (sheet_id, question, answer) values (?, ?, ?)")) {
                            s.setObject(1, sheet);
                            s.setObject(2, UUID.fromString(target[0]));
                            s.setString(3, target[1]);
                            s.setObject(4, UUID.randomUUID());
                            s.setString(5, "骨干成长明显。");
                            s.executeUpdate();
                            for (int d = 0; d < COUNTS.length; d++) {
                                for (int k = 1; k <= COUNTS[d]; k++) {
                                    l.setObject(1, sheet);
                                    l.setString(2, (d + 1) + "." + k);
                                    l.setShort(3, (short) ((d + k) % 5));
                                    l.setArray(4, c.createArrayOf("text", new Object[]{"photo.jpg"}));
                                    l.setString(5, "seen on site");
                                    l.addBatch();
                                }
                            }
                            l.executeBatch();
                            q.setObject(1, sheet);
                            q.setString(2, "居民如何参与？");
                            q.setString(3, "院落会");
                            q.executeUpdate();
                        }
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        return System.nanoTime() - t;
    }
}

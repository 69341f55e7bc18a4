package city.yingzao.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16 item 7: a city-wide evening peak against a running stack ({@code ./yingzao up}, real Keycloak, demo data),
 * three kinds of traffic at once:
 * <ul>
 *   <li><b>online household ballots</b> ({@code POST /api/communities/{c}/vote-rounds/{r}/ballots}, finance): the demo
 *   residents {@code resident-1..12} (households H0001..H0012 of 510104021001, password {@code demo}) each vote once in
 *   each of {@code --rounds} open rounds seeded into finance's PostgreSQL (set-based SQL, one candidate: a project of the
 *   community), so every ballot is a new household-round pair that the intake records (201);</li>
 *   <li><b>portal page views</b>: the public disclosure {@code /public/communities/{code}} (anonymous) and the operator
 *   dashboard {@code /operator} ({@code city-operator}, signed in through Keycloak's login form);</li>
 *   <li><b>evaluation sheet submissions</b> ({@code POST /api/evaluations/{e}/sheets/{evaluator}/submit}): the demo
 *   evaluators {@code evaluator} and {@code evaluator-2} each submit a whole sheet (53 levels, Q&amp;A, feedback) in each
 *   of {@code --evaluations} open evaluations seeded into evaluation's PostgreSQL with both assigned.</li>
 * </ul>
 * Phases, each a closed loop with a fixed number of clients per stream: (1) the machine's limit: each service's
 * {@code /q/health/live} alone at full speed; (2) each stream alone at full speed; (3) every stream at once for
 * {@code --seconds}. Prints, per stream and phase, requests per second, p50/p99 and the answers that were not the
 * expected ones. Every loop is bounded in time and count, and only talks to the given (local) addresses.
 *
 * <pre>
 * javac -cp $(find ~/.m2 -name 'postgresql-42*.jar' | head -1) -d /tmp/bench \
 *       benchmarks/src/main/java/city/yingzao/benchmarks/{EveningPeakBenchmark,PortalPagesBenchmark,Latencies,Options}.java
 * java -cp /tmp/bench:$(find ~/.m2 -name 'postgresql-42*.jar' | head -1) city.yingzao.benchmarks.EveningPeakBenchmark \
 *      [--seconds 60] [--alone-seconds 15] [--rounds 3000] [--evaluations 2000] \
 *      [--ballot-clients 8] [--page-clients 2] [--sheet-clients 4] [--disclosure 510104021002]
 * </pre>
 */
public final class EveningPeakBenchmark {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int[] COUNTS = {9, 9, 9, 9, 8, 9};

    private EveningPeakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String finance = o.getOrDefault("--finance", "http://localhost:8083");
        String portal = o.getOrDefault("--portal", "http://localhost:8080");
        String evaluation = o.getOrDefault("--evaluation", "http://localhost:8085");
        String tokenUrl = o.getOrDefault("--token-url", "http://localhost:8180/realms/yingzao/protocol/openid-connect/token");
        String pg = o.getOrDefault("--postgres", "jdbc:postgresql://localhost:55432/");
        String community = o.getOrDefault("--community", "510104021001");
        String disclosure = o.getOrDefault("--disclosure", "510104021002");
        int residents = Integer.parseInt(o.getOrDefault("--residents", "12"));
        List<String> evaluators = List.of(o.getOrDefault("--evaluators", "evaluator,evaluator-2").split(","));
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "3000"));
        int evaluations = Integer.parseInt(o.getOrDefault("--evaluations", "2000"));
        int seconds = Integer.parseInt(o.getOrDefault("--seconds", "60"));
        int aloneSeconds = Integer.parseInt(o.getOrDefault("--alone-seconds", "15"));
        int ballotClients = Integer.parseInt(o.getOrDefault("--ballot-clients", "8"));
        int pageClients = Integer.parseInt(o.getOrDefault("--page-clients", "2"));
        int sheetClients = Integer.parseInt(o.getOrDefault("--sheet-clients", "4"));

        System.out.printf("machine: %d cores; load average at start: %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> roundIds = seedRounds(pg + "finance", community, rounds, run);
        List<String> evaluationIds = seedEvaluations(pg + "evaluation", evaluators, evaluations, run);
        String project = candidate(pg + "finance", roundIds.get(0));
        System.out.printf("seeded by SQL: %,d open rounds in %s (candidate %s), %,d open evaluations with %s assigned%n",
                roundIds.size(), community, project, evaluationIds.size(), evaluators);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> residentTokens = new ArrayList<>();
        for (int i = 1; i <= residents; i++) {
            residentTokens.add(token(http, tokenUrl, "resident-" + i));
        }
        Map<String, String> evaluatorTokens = new LinkedHashMap<>();
        for (String e : evaluators) {
            evaluatorTokens.put(e, token(http, tokenUrl, e));
        }
        HttpClient operator = PortalPagesBenchmark.client();
        PortalPagesBenchmark.signIn(operator, portal, "/operator", o.getOrDefault("--user", "city-operator"), "demo");
        System.out.printf("tokens: %d residents, %d evaluators (password grant); city-operator signed in to the portal%n",
                residents, evaluators.size());

        // the work: a counter hands each request its own household-round pair or evaluation-evaluator pair
        AtomicInteger nextBallot = new AtomicInteger();
        AtomicInteger nextSheet = new AtomicInteger();
        String ballotBody = "{\"approvals\":[\"" + project + "\"]}";
        Stream ballots = new Stream("online household ballots (finance)", ballotClients, 201, () -> {
            int i = nextBallot.getAndIncrement();
            if (i >= roundIds.size() * residents) {
                return null;
            }
            return post(http, finance + "/api/communities/" + community + "/vote-rounds/" + roundIds.get(i / residents) + "/ballots",
                    residentTokens.get(i % residents), ballotBody);
        });
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Stream disclosurePage = new Stream("portal: public disclosure /public/communities/" + disclosure, pageClients, 200,
                () -> get(anonymous, portal + "/public/communities/" + disclosure));
        Stream dashboard = new Stream("portal: operator dashboard /operator", pageClients, 200, () -> get(operator, portal + "/operator"));
        String sheet = sheetBody();
        Stream sheets = new Stream("evaluation sheet submissions (evaluation)", sheetClients, 201, () -> {
            int i = nextSheet.getAndIncrement();
            if (i >= evaluationIds.size() * evaluators.size()) {
                return null;
            }
            String evaluator = evaluators.get(i % evaluators.size());
            return post(http, evaluation + "/api/evaluations/" + evaluationIds.get(i / evaluators.size()) + "/sheets/" + evaluator + "/submit",
                    evaluatorTokens.get(evaluator), sheet);
        });
        List<Stream> streams = List.of(ballots, disclosurePage, dashboard, sheets);

        // warm-up: a few of each, not measured
        for (Stream s : streams) {
            s.run(3, 40);
        }

        System.out.printf("%n== (1) the machine's limit: each service's /q/health/live alone, %d clients, %d s ==%n", ballotClients, aloneSeconds);
        List<Result> limits = new ArrayList<>();
        for (String[] h : new String[][] {{"finance", finance}, {"portal", portal}, {"evaluation", evaluation}}) {
            limits.add(print(new Stream(h[0] + " /q/health/live", ballotClients, 200, () -> get(anonymous, h[1] + "/q/health/live"))
                    .run(aloneSeconds, Integer.MAX_VALUE)));
        }
        System.out.printf("%n== (2) each stream alone at full speed, %d s ==%n", aloneSeconds);
        Map<Stream, Result> alone = new LinkedHashMap<>();
        for (Stream s : streams) {
            alone.put(s, print(s.run(aloneSeconds, Integer.MAX_VALUE)));
        }
        System.out.printf("%n== (3) the evening peak: every stream at once, %d s (load average before: %s) ==%n", seconds, loadAverage());
        Map<Stream, Result> together = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(streams.size());
        for (Stream s : streams) {
            Thread t = new Thread(() -> {
                try {
                    together.put(s, s.run(seconds, Integer.MAX_VALUE));
                } finally {
                    done.countDown();
                }
            }, "peak-" + s.name);
            t.start();
        }
        done.await();
        for (Stream s : streams) {
            print(together.get(s));
        }

        System.out.printf("%nsummary (requests/s and p99 ms; ceilings: health alone %s)%n", limits.stream()
                .map(r -> String.format("%s %,.0f/s", r.name.split(" ")[0], r.rate())).toList());
        System.out.printf("  %-58s %14s %14s %8s%n", "stream", "alone", "at the peak", "share");
        for (Stream s : streams) {
            Result a = alone.get(s);
            Result p = together.get(s);
            System.out.printf("  %-58s %6.0f/s %5.0f %6.0f/s %5.0f %7.0f%%%n", s.name, a.rate(), a.latencies.percentileMillis(99),
                    p.rate(), p.latencies.percentileMillis(99), 100 * p.rate() / Math.max(a.rate(), 1e-9));
        }
        // the counter passes the end once per client that found no more work: what was sent is capped at the work there was
        System.out.printf("ballots recorded in the seeded rounds: %,d of %,d sent; sheets submitted: %,d of %,d sent%n",
                count(pg + "finance", "select coalesce(sum(ballots), 0) from vote_round where title like ?", "peak " + run + "%"),
                Math.min(nextBallot.get(), roundIds.size() * residents), count(pg + "evaluation", "select count(*) from sheet s join evaluation e on e.id = s.evaluation_id"
                        + " where e.call_id = ? and s.status = 'SUBMITTED'", "PEAK-" + run),
                Math.min(nextSheet.get(), evaluationIds.size() * evaluators.size()));
        System.out.printf("load average at end: %s%n", loadAverage());
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------
    // a stream of requests: `clients` threads in a closed loop, until the time is up or the work runs out

    interface Request {
        /** The answer's status, or null when there is no more work. */
        Integer send() throws Exception;
    }

    record Result(String name, int clients, double seconds, long ok, Map<Integer, Long> other, Latencies latencies) {
        double rate() {
            return ok / seconds;
        }
    }

    static final class Stream {
        final String name;
        final int clients;
        final int expected;
        final Request request;

        Stream(String name, int clients, int expected, Request request) {
            this.name = name;
            this.clients = clients;
            this.expected = expected;
            this.request = request;
        }

        Result run(int seconds, int maxPerClient) {
            Latencies latencies = new Latencies((int) Math.max(1, Math.min((long) maxPerClient * clients, Math.min(2_000_000L, seconds * 20_000L))));
            AtomicLong ok = new AtomicLong();
            Map<Integer, Long> other = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    for (int n = 0; n < maxPerClient && System.nanoTime() < deadline; n++) {
                        long sent = System.nanoTime();
                        Integer status;
                        try {
                            status = request.send();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (status == null) {
                            return;
                        }
                        latencies.offer(System.nanoTime() - sent);
                        if (status == expected) {
                            ok.incrementAndGet();
                        } else {
                            other.merge(status, 1L, Long::sum);
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Result(name, clients, (System.nanoTime() - start) / 1e9, ok.get(), other, latencies);
        }
    }

    private static Result print(Result r) {
        System.out.printf("  %-58s %2d clients %,7d ok in %5.1f s = %,7.1f/s  p50 %7.1f ms  p99 %7.1f ms%s%n", r.name, r.clients, r.ok,
                r.seconds, r.rate(), r.latencies.size() == 0 ? 0 : r.latencies.percentileMillis(50),
                r.latencies.size() == 0 ? 0 : r.latencies.percentileMillis(99), r.other.isEmpty() ? "" : "  other answers " + r.other);
        return r;
    }

    // ------------------------------------------------------------------------------------------------
    // seeding by SQL (set-based) into the services' own databases

    private static List<String> seedRounds(String jdbc, String community, int rounds, String run) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "yingzao", "yingzao")) {
            String project = null;
            try (PreparedStatement s = c.prepareStatement("select id from project where community_code = ? order by created_at limit 1")) {
                s.setString(1, community);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        project = rs.getString(1);
                    }
                }
            }
            if (project == null) {
                throw new IllegalStateException("no project in " + community + ": load the demo data first (./yingzao up)");
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into vote_round (id, community_code, title, candidates, status, opened_by, opened_at)
                    select md5(?::text || g)::uuid, ?, 'peak ' || ? || ' ' || g, array[?::uuid], 'OPEN', 'bench', now()
                    from generate_series(1, ?) g returning id""")) {
                s.setString(1, "peak " + run);
                s.setString(2, community);
                s.setString(3, run);
                s.setString(4, project);
                s.setInt(5, rounds);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into vote_tally (round_id, project_id, approvals)
                    select id, ?::uuid, 0 from vote_round where title like ?""")) {
                s.setString(1, project);
                s.setString(2, "peak " + run + " %");
                s.executeUpdate();
            }
            return ids;
        }
    }

    private static String candidate(String jdbc, String round) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "yingzao", "yingzao");
             PreparedStatement s = c.prepareStatement("select candidates[1] from vote_round where id = ?::uuid")) {
            s.setString(1, round);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> seedEvaluations(String jdbc, List<String> evaluators, int evaluations, String run) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "yingzao", "yingzao")) {
            c.setAutoCommit(false);
            try (PreparedStatement e = c.prepareStatement("""
                    insert into evaluation (id, project_id, call_id, organisation_code, community_code, kind, title, framework_version,
                        visible_from, window_opens_on, window_closes_on, evaluators_wanted, appeal_window_days, status, created_by, created_at)
                    values (?, ?, ?, ?, '510104021001', 'MID_TERM', 'evening peak', 'provisional-2016-v1', current_date, current_date,
                            current_date + 30, ?, 7, 'OPEN', 'bench', now())""");
                 PreparedStatement a = c.prepareStatement("""
                    insert into assignment (evaluation_id, evaluator_id, active, assigned_by, assigned_at) values (?, ?, true, 'bench', now())""")) {
                for (int i = 0; i < evaluations; i++) {
                    UUID id = UUID.randomUUID();
                    e.setObject(1, id);
                    e.setString(2, "PEAK-" + run + "-P" + i);
                    e.setString(3, "PEAK-" + run);
                    e.setString(4, "ORG-PEAK-" + i);
                    e.setInt(5, evaluators.size());
                    e.addBatch();
                    for (String evaluator : evaluators) {
                        a.setObject(1, id);
                        a.setString(2, evaluator);
                        a.addBatch();
                    }
                    ids.add(id.toString());
                }
                e.executeBatch();
                a.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    private static long count(String jdbc, String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "yingzao", "yingzao"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP

    private static String token(HttpClient http, String tokenUrl, String user) throws Exception {
        String form = "grant_type=password&client_id=yingzao-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private static Integer get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Integer post(HttpClient client, String url, String token, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A whole sheet as the demo's evaluators send it: 53 levels with evidence and notes, a Q&amp;A entry, feedback. */
    private static String sheetBody() {
        StringBuilder b = new StringBuilder("{\"levels\":[");
        int n = 0;
        for (int d = 0; d < COUNTS.length; d++) {
            for (int i = 1; i <= COUNTS[d]; i++) {
                b.append(n++ == 0 ? "" : ",").append("{\"indicatorId\":\"").append(d + 1).append('.').append(i)
                        .append("\",\"level\":").append((d + i) % 5).append(",\"evidence\":[\"photo-").append(d + 1).append('-').append(i)
                        .append(".jpg\"],\"notes\":\"现场查看档案并访谈居民骨干\"}");
            }
        }
        return b.append("],\"qa\":[{\"question\":\"居民如何参与项目决策？\",\"answer\":\"每月院落议事会\"}],\"feedback\":\"院落自组织成长明显。\"}")
                .toString();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}

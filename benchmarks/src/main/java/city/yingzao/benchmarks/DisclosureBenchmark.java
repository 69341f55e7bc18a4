package city.yingzao.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 10: the public disclosure of one large community (F8), against a running finance and portal (./yingzao up).
 * <ol>
 *   <li>Seeds one community into finance's own PostgreSQL with set-based SQL (one transaction): the replica row and
 *   its households, {@code --projects} projects with their steps, {@code --rounds} closed vote rounds of four
 *   candidates with tallies, and {@code --entries} ledger entries over {@code --years} fund accounts (an allocation
 *   each, then project payments with payee and voucher), hash-chained in finance's canonical form so that the page's
 *   own chain check holds. Idempotent: a community already seeded is reused; the ledger is append-only.</li>
 *   <li>Times, sequentially after a warm-up (p50/p95/p99, bytes and rows): finance's
 *   {@code /api/public/communities/{code}/finance} and {@code .../ledger} (the two calls the portal makes), the
 *   streamed {@code .../ledger.csv}, and the portal's page {@code /public/communities/{code}} (which renders every
 *   entry and checks the chain);</li>
 *   <li>beside the machine's own limit in the same run: each server's {@code /q/health/live} over the same client, and
 *   PostgreSQL's own time for the ledger query finance runs (every row fetched over JDBC, and EXPLAIN ANALYZE).</li>
 * </ol>
 * Prints, asserts nothing.
 *
 * <pre>
 * javac -cp $(find ~/.m2 -name 'postgresql-42*.jar' | head -1) -d /tmp/bench \
 *       benchmarks/src/main/java/city/yingzao/benchmarks/{DisclosureBenchmark,Latencies,Options}.java
 * java -cp /tmp/bench:$(find ~/.m2 -name 'postgresql-42*.jar' | head -1) city.yingzao.benchmarks.DisclosureBenchmark \
 *      [--finance http://localhost:8083] [--portal http://localhost:8080 | none] \
 *      [--jdbc jdbc:postgresql://localhost:55432/finance] [--db-user yingzao] [--db-password yingzao] \
 *      [--community BDISC0001] [--projects 200] [--rounds 50] [--entries 20000] [--years 4] [--requests 30] [--warmup 5]
 * </pre>
 */
public final class DisclosureBenchmark {

    /** The query finance's {@code LedgerStore.streamPublished} runs for the disclosure (one community, every year). */
    static final String LEDGER_SQL = "select e.*, l.line_no, l.account, l.debit_fen, l.credit_fen,"
            + " p.payee, p.voucher, rs.reversed_entry_id as reverses, rv.reversal_entry_id as reversed_by"
            + " from ledger_entry e join ledger_line l on l.entry_id = e.id"
            + " left join payment p on p.entry_id = e.id"
            + " left join payment_reversal rs on rs.reversal_entry_id = e.id"
            + " left join payment_reversal rv on rv.reversed_entry_id = e.id"
            + " where e.account_code in (select code from account where community_code = ? and (?::int is null or fund_year = ?))"
            + " order by e.account_code, e.sequence, l.line_no";

    private DisclosureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String finance = o.getOrDefault("--finance", "http://localhost:8083");
        String portal = o.getOrDefault("--portal", "http://localhost:8080");
        String jdbc = o.getOrDefault("--jdbc", "jdbc:postgresql://localhost:55432/finance");
        String user = o.getOrDefault("--db-user", "yingzao");
        String password = o.getOrDefault("--db-password", "yingzao");
        String code = o.getOrDefault("--community", "BDISC0001");
        int projects = Integer.parseInt(o.getOrDefault("--projects", "200"));
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "50"));
        int entries = Integer.parseInt(o.getOrDefault("--entries", "20000"));
        int years = Integer.parseInt(o.getOrDefault("--years", "4"));
        int requests = Integer.parseInt(o.getOrDefault("--requests", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("--warmup", "5"));
        boolean withPortal = !"none".equals(portal);

        System.out.printf("machine: %d cores; load average at start: %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        try (Connection c = DriverManager.getConnection(jdbc + (jdbc.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                user, password)) {
            seed(c, code, projects, rounds, entries, years);
            System.out.printf("community %s in finance: %,d projects, %,d vote rounds, %,d ledger entries (%,d lines) in %,d accounts%n",
                    code, count(c, "select count(*) from project where community_code = ?", code),
                    count(c, "select count(*) from vote_round where community_code = ?", code),
                    count(c, "select count(*) from ledger_entry where community_code = ?", code),
                    count(c, "select count(*) from ledger_line l join ledger_entry e on e.id = l.entry_id where e.community_code = ?", code),
                    count(c, "select count(*) from account where community_code = ?", code));

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            String api = finance + "/api/public/communities/" + code;
            List<Row> rows = new ArrayList<>();
            rows.add(time(client, "floor: finance /q/health/live (before)", finance + "/q/health/live", warmup * 4, requests * 4, null));
            rows.add(time(client, "finance " + "/api/public/…/" + code + "/finance", api + "/finance", warmup, requests,
                    "\"stepName\""));
            rows.add(time(client, "finance /api/public/…/" + code + "/ledger", api + "/ledger", warmup, requests, "\"sequence\""));
            rows.add(time(client, "finance /api/public/…/" + code + "/ledger.csv", api + "/ledger.csv", warmup, requests, "\r\n"));
            rows.add(time(client, "floor: finance /q/health/live (after)", finance + "/q/health/live", warmup * 4, requests * 4, null));
            if (withPortal) {
                rows.add(time(client, "floor: portal /q/health/live (before)", portal + "/q/health/live", warmup * 4, requests * 4, null));
                rows.add(time(client, "portal page /public/communities/" + code, portal + "/public/communities/" + code, warmup,
                        requests, "<tr"));
                rows.add(time(client, "floor: portal /q/health/live (after)", portal + "/q/health/live", warmup * 4, requests * 4, null));
            }
            Latencies database = databaseRead(c, code, warmup, requests);
            double explain = explainMillis(c, code);

            System.out.printf("%n%d sequential requests after %d warm-up (health: 4x as many), at the client, ms%n", requests, warmup);
            System.out.printf("  %-56s %9s %9s %9s %12s %9s%n", "", "p50", "p95", "p99", "bytes", "rows");
            for (Row r : rows) {
                System.out.printf("  %-56s %9.2f %9.2f %9.2f %,12d %,9d%n", r.what, r.latencies.percentileMillis(50),
                        r.latencies.percentileMillis(95), r.latencies.percentileMillis(99), r.bytes, r.rows);
            }
            System.out.printf("  %-56s %9.2f %9.2f %9.2f %12s %,9d%n", "PostgreSQL: finance's ledger query, every row over JDBC",
                    database.percentileMillis(50), database.percentileMillis(95), database.percentileMillis(99), "",
                    count(c, "select count(*) from ledger_line l join ledger_entry e on e.id = l.entry_id where e.community_code = ?", code));
            System.out.printf("  %-56s %9.2f%n", "PostgreSQL: EXPLAIN ANALYZE execution time, same query", explain);
            System.out.println("rows: finance = projects' steps (\"stepName\" occurrences), ledger = entries, csv = lines, page = table rows");
            if (withPortal) {
                String page = get(client, portal + "/public/communities/" + code).body();
                System.out.printf("the page's own chain check: %s%n", page.contains("class=\"verified\"") ? "holds"
                        : page.contains("class=\"broken\"") ? "BROKEN" : "not found on the page");
            }
        }
        System.out.printf("load average at end: %s%n", loadAverage());
        System.exit(0);
    }

    private record Row(String what, Latencies latencies, long bytes, int rows) {
    }

    // ------------------------------------------------------------------------------------------------
    // seeding: set-based SQL for the replica, projects and rounds; the ledger built here (each hash needs the one
    // before) and written in batched multi-row inserts

    private static void seed(Connection c, String code, int projects, int rounds, int entries, int years) throws SQLException {
        if (count(c, "select count(*) from replica_community where code = ?", code) > 0) {
            System.out.printf("community %s already seeded: reused (the ledger is append-only)%n", code);
            return;
        }
        long start = System.nanoTime();
        c.setAutoCommit(false);
        int firstYear = 2020;
        update(c, """
                insert into replica_community (code, name, kind, district_code, district_tier, registered_households, stage, revision)
                values (?, 'bench disclosure community', 'URBAN', 'BD0', 'MAIN_URBAN', 3000, 3, 1)""", code);
        update(c, """
                insert into replica_household (community_code, code, group_code, active, revision)
                select ?, 'H' || lpad(g::text, 7, '0'), 'G01', true, 1 from generate_series(1, 3000) g""", code);
        // projects spread over the fund years, each at step 1..9 with every step it passed recorded
        update(c, """
                insert into project (id, community_code, fund_year, title, category, purpose, budget_fen, contribution_fen,
                    urgency, step, paid_fen, created_by, created_at)
                select md5(?::text || ':p:' || g)::uuid, ?, ? + g % ?, 'bench project ' || g, 'CULTURE_AND_SPORTS',
                       'public space and sports equipment for the courtyards, number ' || g, 10000000, 0,
                       (array['LOW', 'MEDIUM', 'HIGH'])[1 + g % 3], 1 + g % 9, 0, 'bench',
                       timestamptz '2020-01-01' + g * interval '1 hour'
                from generate_series(1, ?) g""", code, code, firstYear, years, projects);
        update(c, """
                insert into project_step (project_id, step, note, changed_by, changed_at)
                select p.id, s, 'step ' || s, 'bench', p.created_at + s * interval '1 day'
                from project p cross join generate_series(1, 9) s where p.community_code = ? and s <= p.step""", code);
        // closed rounds of four candidates each, with tallies
        update(c, """
                insert into vote_round (id, community_code, title, candidates, status, ballots, online_ballots, paper_ballots,
                    opened_by, opened_at, closed_at, registered_households)
                select md5(?::text || ':r:' || r)::uuid, ?, 'bench round ' || r,
                       array(select md5(?::text || ':p:' || (1 + (r * 4 + k) % ?))::uuid from generate_series(0, 3) k),
                       'CLOSED', 1200 + r, 800, 400 + r, 'bench', timestamptz '2020-01-01' + r * interval '1 week',
                       timestamptz '2020-01-01' + r * interval '1 week' + interval '3 days', 3000
                from generate_series(1, ?) r""", code, code, code, projects, rounds);
        update(c, """
                insert into vote_tally (round_id, project_id, approvals)
                select distinct r.id, c, 100 + (abs(hashtext(c::text)) % 900) from vote_round r cross join unnest(r.candidates) c
                where r.community_code = ?""", code);
        ledger(c, code, entries, years, firstYear);
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("analyze ledger_entry; analyze ledger_line; analyze payment; analyze project; analyze vote_round");
        }
        System.out.printf("seeded %s by SQL in %.1f s%n", code, (System.nanoTime() - start) / 1e9);
    }

    private static void ledger(Connection c, String code, int entries, int years, int firstYear) throws SQLException {
        List<String> projectIds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from project where community_code = ? order by created_at")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    projectIds.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement entry = c.prepareStatement("""
                insert into ledger_entry (id, account_code, community_code, fund_year, sequence, kind, reference, memo, posted_at,
                    previous_hash, hash) values (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement line = c.prepareStatement(
                     "insert into ledger_line (entry_id, line_no, account, debit_fen, credit_fen) values (?::uuid, ?, ?, ?, ?)");
             PreparedStatement payment = c.prepareStatement("""
                     insert into payment (entry_id, project_id, account_code, amount_fen, payee, voucher, posted_by)
                     values (?::uuid, ?::uuid, ?, ?, 'bench supplier', ?, 'bench')""");
             PreparedStatement account = c.prepareStatement("""
                     insert into account (code, community_code, fund_year, kind, balance_fen, last_sequence, last_hash)
                     values (?, ?, ?, 'FUND', ?, ?, ?)""");
             PreparedStatement allocation = c.prepareStatement("""
                     insert into allocation (id, community_code, fund_year, community_kind, district_code, district_tier,
                         registered_households, basis, total_fen, city_share_fen, district_share_fen, policy_revision,
                         allocated_at, entry_id)
                     values (?::uuid, ?, ?, 'URBAN', 'BD0', 'MAIN_URBAN', 3000, 'URBAN_PER_100_HOUSEHOLDS', ?, ?, ?, 1, ?, ?::uuid)""")) {
            int perYear = entries / years;
            long allocated = 100_000_000L;
            int pending = 0;
            for (int y = 0; y < years; y++) {
                int year = firstYear + y;
                int count = y == years - 1 ? entries - perYear * (years - 1) : perYear;
                String fund = "community:" + code + ":" + year;
                Instant at = Instant.parse(year + "-01-02T08:00:00Z");
                String previous = null;
                long balance = 0;
                for (int seq = 1; seq <= count; seq++) {
                    String id = UUID.nameUUIDFromBytes((code + ":e:" + year + ":" + seq).getBytes(StandardCharsets.UTF_8)).toString();
                    Instant posted = at.plus(seq * 7L, ChronoUnit.MINUTES).plusNanos(seq * 1000L).truncatedTo(ChronoUnit.MICROS);
                    String kind;
                    String reference;
                    String memo;
                    String[][] lines;
                    if (seq == 1) {
                        kind = "ALLOCATION";
                        reference = "allocation:" + year;
                        memo = "annual allocation " + year;
                        lines = new String[][] {{fund, String.valueOf(allocated), "0"}, {"city-budget:" + year, "0", String.valueOf(allocated)}};
                        balance += allocated;
                        allocation.setString(1, UUID.nameUUIDFromBytes((code + ":a:" + year).getBytes(StandardCharsets.UTF_8)).toString());
                        allocation.setString(2, code);
                        allocation.setInt(3, year);
                        allocation.setLong(4, allocated);
                        allocation.setLong(5, allocated / 2);
                        allocation.setLong(6, allocated - allocated / 2);
                        allocation.setTimestamp(7, Timestamp.from(posted));
                        allocation.setString(8, id);
                        allocation.addBatch();
                    } else {
                        String project = projectIds.get(seq % projectIds.size());
                        long amount = 100 + seq % 900;
                        String voucher = "V-" + year + "-" + seq;
                        kind = "PROJECT_PAYMENT";
                        reference = project;
                        memo = "payee bench supplier; voucher " + voucher + "; payment for project \"bench project\"";
                        lines = new String[][] {{"project:" + project, String.valueOf(amount), "0"}, {fund, "0", String.valueOf(amount)}};
                        balance -= amount;
                        payment.setString(1, id);
                        payment.setString(2, project);
                        payment.setString(3, fund);
                        payment.setLong(4, amount);
                        payment.setString(5, voucher);
                        payment.addBatch();
                    }
                    String hash = hash(previous, canonical(id, fund, code, year, seq, kind, reference, memo, posted, lines));
                    entry.setString(1, id);
                    entry.setString(2, fund);
                    entry.setString(3, code);
                    entry.setInt(4, year);
                    entry.setLong(5, seq);
                    entry.setString(6, kind);
                    entry.setString(7, reference);
                    entry.setString(8, memo);
                    entry.setTimestamp(9, Timestamp.from(posted));
                    entry.setString(10, previous);
                    entry.setString(11, hash);
                    entry.addBatch();
                    for (int n = 0; n < lines.length; n++) {
                        line.setString(1, id);
                        line.setInt(2, n + 1);
                        line.setString(3, lines[n][0]);
                        line.setLong(4, Long.parseLong(lines[n][1]));
                        line.setLong(5, Long.parseLong(lines[n][2]));
                        line.addBatch();
                    }
                    previous = hash;
                    if (++pending == 1000) {
                        entry.executeBatch();
                        line.executeBatch();
                        allocation.executeBatch();
                        payment.executeBatch();
                        pending = 0;
                    }
                }
                account.setString(1, fund);
                account.setString(2, code);
                account.setInt(3, year);
                account.setLong(4, balance);
                account.setLong(5, count);
                account.setString(6, previous);
                account.addBatch();
            }
            entry.executeBatch();
            line.executeBatch();
            allocation.executeBatch();
            payment.executeBatch();
            account.executeBatch();
        }
    }

    /** Finance's canonical form (domain.HashChain): {@code <length>:<value>;} per field, then per line. */
    static String canonical(String id, String account, String community, int year, long sequence, String kind, String reference,
            String memo, Instant postedAt, String[][] lines) {
        StringBuilder s = new StringBuilder();
        for (String f : new String[] {id, account, community, String.valueOf(year), String.valueOf(sequence), kind, reference, memo,
                postedAt.toString()}) {
            s.append(f.length()).append(':').append(f).append(';');
        }
        for (String[] l : lines) {
            for (String f : l) {
                s.append(f.length()).append(':').append(f).append(';');
            }
        }
        return s.toString();
    }

    static String hash(String previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(((previous == null ? "" : previous) + "\n" + canonical)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // measuring

    private static Row time(HttpClient client, String what, String url, int warmup, int requests, String rowMarker) throws Exception {
        for (int i = 0; i < warmup; i++) {
            check(url, get(client, url));
        }
        Latencies latencies = new Latencies(requests);
        HttpResponse<String> last = null;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            last = get(client, url);
            latencies.add(System.nanoTime() - start);
            check(url, last);
        }
        String body = last == null ? "" : last.body();
        return new Row(what, latencies, body.getBytes(StandardCharsets.UTF_8).length,
                rowMarker == null ? 0 : occurrences(body, rowMarker));
    }

    /** PostgreSQL's own time: the ledger query finance runs, every row fetched (fetch size 1,000 as finance). */
    private static Latencies databaseRead(Connection c, String code, int warmup, int requests) throws SQLException {
        Latencies latencies = new Latencies(requests);
        c.setAutoCommit(false);
        for (int i = 0; i < warmup + requests; i++) {
            long start = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(LEDGER_SQL)) {
                s.setFetchSize(1000);
                s.setString(1, code);
                s.setNull(2, java.sql.Types.INTEGER);
                s.setNull(3, java.sql.Types.INTEGER);
                try (ResultSet rs = s.executeQuery()) {
                    long sink = 0;
                    while (rs.next()) {
                        sink += rs.getString("hash").length() + rs.getLong("debit_fen");
                    }
                    if (sink < 0) {
                        throw new IllegalStateException();
                    }
                }
            }
            c.commit();
            if (i >= warmup) {
                latencies.add(System.nanoTime() - start);
            }
        }
        c.setAutoCommit(true);
        return latencies;
    }

    private static double explainMillis(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("explain (analyze, format text) " + LEDGER_SQL)) {
            s.setString(1, code);
            s.setNull(2, java.sql.Types.INTEGER);
            s.setNull(3, java.sql.Types.INTEGER);
            try (ResultSet rs = s.executeQuery()) {
                double millis = -1;
                while (rs.next()) {
                    String l = rs.getString(1).trim();
                    if (l.startsWith("Execution Time:")) {
                        millis = Double.parseDouble(l.replaceAll("[^0-9.]", ""));
                    }
                }
                return millis;
            }
        }
    }

    private static int occurrences(String body, String marker) {
        int n = 0;
        for (int i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + marker.length())) {
            n++;
        }
        return n;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void check(String url, HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}

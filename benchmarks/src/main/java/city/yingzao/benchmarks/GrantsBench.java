package city.yingzao.benchmarks;

import city.yingzao.grants.domain.AssignmentPolicy;
import city.yingzao.grants.domain.AwardPolicy;
import city.yingzao.grants.domain.ConflictPolicy;
import city.yingzao.grants.domain.Criterion;
import city.yingzao.grants.domain.Review;
import city.yingzao.grants.domain.Reviewer;
import city.yingzao.grants.domain.Scoring;
import city.yingzao.testing.TestPostgres;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Issue 12's figures: the automatic assignment of 437 applications x 3 reviewers over a pool of 40 with
 * computed conflicts, and the ranking with the award proposal, each as the grants use case runs them
 * (the same SQL as its stores, over JDBC, and the same domain policies) beside the database's own time
 * for the same statements (EXPLAIN ANALYZE execution time, server side). Embedded PostgreSQL with the
 * grants schema (its Flyway V1); in-process, no HTTP.
 *
 * <pre>java -cp ... city.yingzao.benchmarks.GrantsBench [--applications 437] [--reviewers 40] [--per 3] [--rounds 7]</pre>
 */
public final class GrantsBench {

    static final List<Criterion> RUBRIC = List.of(new Criterion("need", "need", 30), new Criterion("design", "design", 30),
            new Criterion("team", "team", 20), new Criterion("fit", "fit", 20));
    static final ObjectMapper JSON = new ObjectMapper();

    static final String APPS = "select * from application where call_id = ?::uuid and status = 'SUBMITTED' order by created_at, id";
    static final String POOL = "select * from pool_member where pool = 'REVIEWER' order by person_id";
    static final String DECLARED = "select d.person_id, d.application_id from declared_conflict d join application a on a.id = d.application_id"
            + " where a.call_id = ?::uuid";
    static final String EXISTING = "select s.application_id, s.person_id from assignment s join application a on a.id = s.application_id"
            + " where a.call_id = ?::uuid";
    static final String INSERT = "insert into assignment (application_id, person_id, assigned_by, assigned_at)"
            + " select a::uuid, p, 'bench', now() from unnest(?::varchar[], ?::varchar[]) as t(a, p) on conflict do nothing";
    static final String AUDIT = "insert into assignment_change (application_id, person_id, action, reason, actor, at)"
            + " select a::uuid, p, 'AUTO', 'automatic assignment', 'bench', now() from unnest(?::varchar[], ?::varchar[]) as t(a, p)";
    static final String REVIEWS = "select r.* from review r join application a on a.id = r.application_id where a.call_id = ?::uuid"
            + " and a.status <> 'WITHDRAWN'";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int applications = Integer.parseInt(o.getOrDefault("applications", "437"));
        int reviewers = Integer.parseInt(o.getOrDefault("reviewers", "40"));
        int per = Integer.parseInt(o.getOrDefault("per", "3"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "7"));
        try (Connection c = TestPostgres.connect()) {
            String call = seed(c, applications, reviewers);
            long[] useCase = new long[rounds];
            long[] domain = new long[rounds];
            double[] database = new double[rounds];
            int assigned = 0;
            int conflictsExcluded = 0;
            for (int r = 0; r < rounds; r++) {
                exec(c, "truncate assignment_change; delete from review; delete from assignment");
                long t0 = System.nanoTime();
                List<ConflictPolicy.Applicant> apps = applicants(c, call);
                List<Reviewer> pool = pool(c);
                Map<String, Set<String>> declared = declared(c, call);
                Set<AssignmentPolicy.Pair> existing = existing(c, call);
                long t1 = System.nanoTime();
                AssignmentPolicy.Result result = AssignmentPolicy.assign(apps, pool, per, declared, existing);
                long t2 = System.nanoTime();
                insert(c, INSERT, result.assigned());
                insert(c, AUDIT, result.assigned());
                long t3 = System.nanoTime();
                useCase[r] = t3 - t0;
                domain[r] = t2 - t1;
                exec(c, "truncate assignment_change; delete from assignment");
                database[r] = explain(c, APPS, call) + explain(c, POOL) + explain(c, DECLARED, call) + explain(c, EXISTING, call)
                        + explain(c, INSERT, result.assigned()) + explain(c, AUDIT, result.assigned());
                assigned = result.assigned().size();
                conflictsExcluded = 0;
                for (ConflictPolicy.Applicant a : apps) {
                    for (Reviewer v : pool) {
                        if (ConflictPolicy.excluded(v, a, declared.getOrDefault(v.personId(), Set.of()))) {
                            conflictsExcluded++;
                        }
                    }
                }
                insert(c, INSERT, result.assigned());
            }
            seedReviews(c);
            long[] rankUseCase = new long[rounds];
            long[] rankDomain = new long[rounds];
            double[] rankDatabase = new double[rounds];
            int proposed = 0;
            long proposedFen = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                List<Object[]> apps = applicationRows(c, call);
                List<Review> reviews = reviews(c, call);
                long t1 = System.nanoTime();
                Map<String, Scoring.Summary> s = Scoring.summarise(RUBRIC, 10, per, 20, apps.stream().map(a -> (String) a[0]).toList(), reviews);
                AwardPolicy.Proposal p = AwardPolicy.propose(apps.stream().map(a -> new AwardPolicy.Candidate((String) a[0], (Long) a[1],
                        (Instant) a[2], s.get((String) a[0]))).toList(), 2_000_000_000L);
                long t2 = System.nanoTime();
                rankUseCase[r] = t2 - t0;
                rankDomain[r] = t2 - t1;
                rankDatabase[r] = explain(c, APPS, call) + explain(c, REVIEWS, call);
                proposed = (int) p.lines().stream().filter(AwardPolicy.Line::proposed).count();
                proposedFen = p.proposedFen();
            }
            System.out.printf("GrantsBench: %d applications x %d reviewers over a pool of %d, %d rounds, medians (round 1 is the warm-up)%n",
                    applications, per, reviewers, rounds);
            System.out.printf("assignment: %d pairs assigned, %d (reviewer, application) pairs excluded by hard or declared conflicts%n",
                    assigned, conflictsExcluded);
            System.out.printf("  use case (4 reads + domain + 2 inserts over JDBC): %.1f ms | domain AssignmentPolicy alone: %.1f ms"
                    + " | database's own time for the same 6 statements: %.1f ms%n", ms(useCase), ms(domain), median(database));
            System.out.printf("ranking and award proposal: %d proposed, %,d fen of the 20M CNY budget%n", proposed, proposedFen);
            System.out.printf("  use case (2 reads + Scoring + AwardPolicy over JDBC): %.1f ms | domain alone: %.1f ms"
                    + " | database's own time for the same 2 statements: %.1f ms%n", ms(rankUseCase), ms(rankDomain), median(rankDatabase));
        }
        System.exit(0);
    }

    static String seed(Connection c, int applications, int reviewers) throws Exception {
        exec(c, "drop schema if exists grants_bench cascade; create schema grants_bench; set search_path to grants_bench");
        try (InputStream in = GrantsBench.class.getClassLoader().getResourceAsStream("db/migration/V1__grants.sql")) {
            exec(c, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String call = UUID.randomUUID().toString();
        exec(c, "insert into programme values (2016, 'bench', 2000000000, 'HUB', 'bench', now())");
        exec(c, "insert into grant_call values ('" + call + "', 2016, 'bench', 'COMMUNITY', '{}', '{}', '{SOCIAL_ORGANISATION}', 12, 30000000,"
                + " false, current_date, current_date + 30, 2000000000, '[]', 10, 3, 20, null, '40/40/20', 'provisional-2016-v1', 'IN_REVIEW',"
                + " 'bench', now())");
        try (PreparedStatement s = c.prepareStatement("insert into application (id, call_id, organisation_code, target_kind, target_code,"
                + " district_code, pivot_category, title, requested_fen, budget, team, project_logic, status, submitted_at, created_by,"
                + " created_at, updated_at) values (?::uuid, ?::uuid, ?, 'COMMUNITY', ?, ?, 'PUBLIC_SPACE', 'bench', ?, '[]', '[]', '',"
                + " 'SUBMITTED', now(), 'bench', now(), now())")) {
            for (int i = 0; i < applications; i++) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, call);
                s.setString(3, "ORG-" + i);
                s.setString(4, "C" + (i % 400));
                s.setString(5, "D" + (i % 20));
                s.setLong(6, 10_000_000 + (i % 20) * 1_000_000L);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("insert into pool_member (person_id, pool, organisations, communities, district_code,"
                + " past_organisations, added_by, added_at) values (?, 'REVIEWER', ?, ?, ?, ?, 'bench', now())")) {
            for (int i = 0; i < reviewers; i++) {
                s.setString(1, String.format("rev%02d", i));
                s.setArray(2, c.createArrayOf("varchar", new String[] {"ORG-" + (i * 11)}));
                s.setArray(3, c.createArrayOf("varchar", new String[] {"C" + (i * 10), "C" + (i * 10 + 1)}));
                s.setString(4, "D" + (i % 20));
                s.setArray(5, c.createArrayOf("varchar", new String[] {"ORG-" + (i * 7)}));
                s.addBatch();
            }
            s.executeBatch();
        }
        exec(c, "insert into declared_conflict select 'rev0' || (row_number() over () % 10), id, 'bench', now() from application"
                + " where organisation_code like 'ORG-1_'");
        exec(c, "analyze");
        return call;
    }

    static void seedReviews(Connection c) throws SQLException {
        exec(c, "insert into review select application_id, person_id, jsonb_build_object('need', 3 + abs(hashtext(person_id || application_id::text)) % 8,"
                + " 'design', 5 + abs(hashtext(application_id::text)) % 6, 'team', 6, 'fit', 4 + abs(hashtext(person_id)) % 7), '{}', now()"
                + " from assignment; analyze review");
    }

    static List<ConflictPolicy.Applicant> applicants(Connection c, String call) throws SQLException {
        List<ConflictPolicy.Applicant> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(APPS)) {
            s.setString(1, call);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConflictPolicy.Applicant(rs.getString("id"), rs.getString("organisation_code"), rs.getString("target_code"),
                            rs.getString("district_code")));
                }
            }
        }
        return out;
    }

    static List<Object[]> applicationRows(Connection c, String call) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(APPS)) {
            s.setString(1, call);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getString("id"), rs.getLong("requested_fen"), rs.getTimestamp("submitted_at").toInstant()});
                }
            }
        }
        return out;
    }

    static List<Reviewer> pool(Connection c) throws SQLException {
        List<Reviewer> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(POOL)) {
            while (rs.next()) {
                out.add(new Reviewer(rs.getString("person_id"), strings(rs.getArray("organisations")), strings(rs.getArray("communities")),
                        rs.getString("district_code"), strings(rs.getArray("past_organisations"))));
            }
        }
        return out;
    }

    static Map<String, Set<String>> declared(Connection c, String call) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(DECLARED)) {
            s.setString(1, call);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    static Set<AssignmentPolicy.Pair> existing(Connection c, String call) throws SQLException {
        Set<AssignmentPolicy.Pair> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(EXISTING)) {
            s.setString(1, call);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AssignmentPolicy.Pair(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    static List<Review> reviews(Connection c, String call) throws Exception {
        List<Review> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(REVIEWS)) {
            s.setString(1, call);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Review(rs.getString("application_id"), rs.getString("person_id"),
                            JSON.readValue(rs.getString("scores"), new TypeReference<Map<String, Integer>>() { })));
                }
            }
        }
        return out;
    }

    static void insert(Connection c, String sql, List<AssignmentPolicy.Pair> pairs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindPairs(c, s, pairs);
            s.executeUpdate();
        }
    }

    static void bindPairs(Connection c, PreparedStatement s, List<AssignmentPolicy.Pair> pairs) throws SQLException {
        s.setArray(1, c.createArrayOf("varchar", pairs.stream().map(AssignmentPolicy.Pair::applicationId).toArray()));
        s.setArray(2, c.createArrayOf("varchar", pairs.stream().map(AssignmentPolicy.Pair::personId).toArray()));
    }

    /** The server's execution time of one statement in ms (EXPLAIN ANALYZE; planning excluded). */
    static double explain(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("explain (analyze, format json) " + sql)) {
            if (parameter instanceof String p) {
                s.setString(1, p);
            } else if (parameter instanceof List<?> pairs) {
                @SuppressWarnings("unchecked")
                List<AssignmentPolicy.Pair> list = (List<AssignmentPolicy.Pair>) pairs;
                bindPairs(c, s, list);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Execution Time").asDouble();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static double explain(Connection c, String sql) throws SQLException {
        return explain(c, sql, null);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Set<String> strings(Array a) throws SQLException {
        return a == null ? Set.of() : new HashSet<>(Arrays.stream((Object[]) a.getArray()).map(Object::toString).toList());
    }

    static double ms(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted, 1, sorted.length);
        return sorted.length == 1 ? sorted[0] / 1e6 : sorted[1 + (sorted.length - 1) / 2] / 1e6;
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted, 1, sorted.length);
        return sorted.length == 1 ? sorted[0] : sorted[1 + (sorted.length - 1) / 2];
    }
}

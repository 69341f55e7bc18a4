package city.yingzao.evaluation.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * Test fixtures speaking the evaluation service's languages: callers with tokens; grants' projects
 * and training's certificates sent over the real broker with CloudEvents headers, as those
 * services' outbox relays send them, waiting until the service has applied them; sheets filled by rule.
 * Ids are unique, so test classes sharing one database and one broker never collide.
 */
public final class Eval {

    public static final String SCHEME = "PARTICIPATORY_EVALUATOR";

    private Eval() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static String operator() {
        return TestTokens.user("city-operator").roles("city-operator").sign();
    }

    public static String auditor() {
        return TestTokens.user("auditor").roles("auditor").sign();
    }

    public static String supervisor(String name) {
        return TestTokens.user(name).roles("supervisor").sign();
    }

    public static String evaluator(String name) {
        return TestTokens.user(name).roles("evaluator").sign();
    }

    public static String agency(String org) {
        return TestTokens.user("agency-" + org).roles("agency").org(org).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A project as grants publishes it; waits for its two evaluations. Returns the event. */
    public static ProjectStartedV1 projectStarted(String org, String community, String call, List<String> reviewers,
            List<String> team, LocalDate startsOn, LocalDate endsOn) {
        String project = unique("P");
        ProjectStartedV1 event = new ProjectStartedV1(project, unique("A"), call, 2027, "社区花园 " + project, org, GrantTarget.COMMUNITY,
                community, "510104", "SPACE", 20_000_000L, startsOn, endsOn, "provisional-2016-v1", reviewers,
                team.stream().map(p -> new SupervisionMember("SENIOR_SUPERVISOR", p)).toList(), Instant.now());
        publish(event);
        await(() -> TestPostgres.count("select count(*) from evaluation where project_id = ?", project) == 2,
                "evaluations of " + project);
        return event;
    }

    public static String evaluationOf(String project, String kind) {
        return TestPostgres.queryValue("select id::text from evaluation where project_id = ? and kind = ?", project, kind).toString();
    }

    /** A participatory evaluator certificate; waits until the local copy holds it. */
    public static void certify(String person, String organisation, Instant validUntil) {
        String code = unique("CERT");
        publish(new CertificationGrantedV1(code, person, "评估员 " + person, organisation, SCHEME, Instant.now().minus(Duration.ofDays(30)),
                validUntil, Instant.now()));
        await(() -> TestPostgres.count("select count(*) from certificate_copy where certificate_code = ?", code) == 1,
                "certificate of " + person);
    }

    public static void certify(String person) {
        certify(person, "ORG-EVAL", Instant.now().plus(Duration.ofDays(800)));
    }

    /** A certificate that was granted and has since expired. */
    public static void certifyExpired(String person) {
        String code = unique("CERT");
        Instant from = Instant.now().minus(Duration.ofDays(400));
        Instant until = Instant.now().minus(Duration.ofDays(5));
        publish(new CertificationGrantedV1(code, person, "评估员 " + person, "ORG-EVAL", SCHEME, from, until, until.minus(Duration.ofDays(360))));
        publish(new CertificationExpiredV1(code, person, "评估员 " + person, "ORG-EVAL", SCHEME, from, until, until));
        await(() -> TestPostgres.count("select count(*) from certificate_copy where certificate_code = ? and status = 'EXPIRED'",
                code) == 1, "expired certificate of " + person);
    }

    /** Every indicator of the provisional framework at {@code level}, with overrides. */
    public static List<Map<String, Object>> levels(int level, Map<String, Integer> overrides) {
        int[] counts = {9, 9, 9, 9, 8, 9};
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int d = 0; d < counts.length; d++) {
            for (int i = 1; i <= counts[d]; i++) {
                String id = (d + 1) + "." + i;
                Map<String, Object> l = new HashMap<>();
                l.put("indicatorId", id);
                l.put("level", overrides.getOrDefault(id, level));
                l.put("evidence", List.of("photo-" + id + ".jpg"));
                l.put("notes", "seen on site");
                l.put("recordedAt", Instant.now().minusSeconds(3600).toString());
                levels.add(l);
            }
        }
        return levels;
    }

    public static Map<String, Object> sheet(int level, Map<String, Integer> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("levels", levels(level, overrides));
        body.put("qa", List.of(Map.of("question", "居民如何参与议事？", "answer", "每月院落会", "askedAt", Instant.now().minusSeconds(4000).toString())));
        body.put("feedback", "骨干成长明显，财务公开需加强。");
        return body;
    }

    public static void publish(IntegrationEvent event) {
        publish(event, UUID.randomUUID());
    }

    /** Publishes with the given CloudEvents id (a redelivery reuses it). */
    public static void publish(IntegrationEvent event, UUID eventId) {
        TestEvents.publish(event, eventId);
    }

    public static void await(BooleanSupplier condition, String what) {
        TestEvents.await(condition, what);
    }

}

package city.yingzao.grants.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * Test fixtures speaking the grants service's languages: callers with tokens, registry snapshots,
 * certificates and evaluation results sent over the real broker with CloudEvents headers, as the
 * registry's, training's and evaluation's outbox relays send them, and waiting until the service has applied them.
 * Codes are unique, so test classes sharing one database and one broker never collide.
 */
public final class Grants {


    private Grants() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static String cityOperator() {
        return TestTokens.user("city-operator").roles("city-operator").sign();
    }

    public static String auditor() {
        return TestTokens.user("auditor").roles("auditor").sign();
    }

    public static String agency(String org) {
        return TestTokens.user("agency-" + org).roles("agency").org(org).sign();
    }

    public static String reviewer(String name) {
        return TestTokens.user(name).roles("reviewer").sign();
    }

    public static String supervisor(String name) {
        return TestTokens.user(name).roles("supervisor").sign();
    }

    public static RequestSpecification as(String token) {
        return token == null ? given().contentType(ContentType.JSON) : given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A community snapshot as the registry publishes it; waits until the replica holds it. */
    public static void community(String code, String district, String street) {
        publish(new CommunitySnapshotV1(code, "社区 " + code, "URBAN", district, "MAIN_URBAN", street, 1000, 3, List.of(), List.of(), 1,
                Instant.now()));
        await(() -> TestPostgres.count("select count(*) from replica_community where code = ?", code) == 1, "community " + code);
    }

    /** An organisation snapshot; waits until the replica holds it. */
    public static void organisation(String code, String community, String type, LocalDate registeredOn) {
        publish(new OrganisationSnapshotV1(code, community, "机构 " + code, type, registeredOn, true, 1, Instant.now()));
        await(() -> TestPostgres.count("select count(*) from replica_organisation where code = ? and community_code = ?", code, community) == 1,
                "organisation " + code);
    }

    /** A certificate granted (valid a year) and waits for the local copy. */
    public static String certificate(String person, String scheme) {
        String code = unique("CERT");
        Instant from = Instant.now().minus(Duration.ofDays(30));
        publish(new CertificationGrantedV1(code, person, "姓名 " + person, null, scheme, from, from.plus(Duration.ofDays(400)), Instant.now()));
        await(() -> TestPostgres.count("select count(*) from certificate_copy where certificate_code = ?", code) == 1, "certificate " + code);
        return code;
    }

    public static void certificateExpired(String code, String person, String scheme) {
        Instant from = Instant.now().minus(Duration.ofDays(400));
        publish(new CertificationExpiredV1(code, person, "姓名 " + person, null, scheme, from, Instant.now().minus(Duration.ofDays(1)),
                Instant.now()));
        await(() -> TestPostgres.count("select count(*) from certificate_copy where certificate_code = ? and status = 'EXPIRED'", code) == 1,
                "certificate " + code + " expired");
    }

    public static EvaluationCompletedV1 evaluation(String projectId, String org, String community, String kind, boolean passed) {
        return new EvaluationCompletedV1(unique("EV"), projectId, org, community, kind, "provisional-2016-v1", List.of(),
                new BigDecimal(passed ? "78.50" : "41.00"), passed ? "GOOD" : "FAIL", passed, Instant.now(), Instant.now());
    }

    /** Publishes with the given CloudEvents id (a redelivery reuses it). */
    public static void publish(IntegrationEvent event, UUID eventId) {
        TestEvents.publish(event, eventId);
    }

    public static void publish(IntegrationEvent event) {
        publish(event, UUID.randomUUID());
    }

    public static void await(BooleanSupplier condition, String what) {
        TestEvents.await(condition, what);
    }

}

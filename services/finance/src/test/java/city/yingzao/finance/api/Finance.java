package city.yingzao.finance.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * Test fixtures speaking the finance service's languages: callers with tokens, registry snapshots
 * and council resolutions sent over the real broker with CloudEvents headers, as the registry's
 * and deliberation's outbox relays send them, and waiting until the service has applied them.
 * Codes are unique, so test classes sharing one database and one broker never collide.
 */
public final class Finance {


    private Finance() {
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

    public static String districtOperator(String district) {
        return TestTokens.user("district-operator").roles("district-operator").district(district).sign();
    }

    public static String staff(String community) {
        return TestTokens.user("community-staff").roles("community-staff").communities(community).sign();
    }

    /** A member of the community's supervisory board 监督小组 (D10). */
    public static String supervisor(String community) {
        return TestTokens.user("supervisor").roles("supervisor").communities(community).sign();
    }

    public static String resident(String community, String household) {
        return TestTokens.user("resident-" + household).roles("resident").communities(community).household(household).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A community snapshot as the registry publishes it; waits until the replica holds this revision. */
    public static void community(String code, String kind, String district, String tier, int households) {
        communityRevision(code, kind, district, tier, households, 1);
    }

    public static void communityRevision(String code, String kind, String district, String tier, int households, long revision) {
        publish(new CommunitySnapshotV1(code, "社区 " + code, kind, district, tier, district + "001", households, 3, List.of(),
                List.of(), revision, Instant.now()));
        await(() -> TestPostgres.count("select count(*) from replica_community where code = ? and revision = ?", code, revision) == 1,
                "community " + code + " replicated");
    }

    /** Sends many community snapshots at once and waits for all of them. */
    public static void communities(List<CommunitySnapshotV1> snapshots) {
        snapshots.forEach(Finance::publish);
        List<String> codes = snapshots.stream().map(CommunitySnapshotV1::code).toList();
        await(() -> TestPostgres.count("select count(*) from replica_community where code = any(?)",
                (Object) codes.toArray(String[]::new)) == codes.size(), codes.size() + " communities replicated");
    }

    /** Active households H0001.. of a community; waits until replicated. */
    public static void households(String community, int count) {
        for (int i = 1; i <= count; i++) {
            publish(new HouseholdSnapshotV1(household(i), community, "G01", null, true, 1, Instant.now()));
        }
        await(() -> TestPostgres.count("select count(*) from replica_household where community_code = ?", community) >= count,
                count + " households of " + community + " replicated");
    }

    public static void householdMovedOut(String community, String household) {
        publish(new HouseholdSnapshotV1(household, community, "G01", null, false, 2, Instant.now()));
        await(() -> TestPostgres.count("select count(*) from replica_household where community_code = ? and code = ? and not active",
                community, household) == 1, household + " moved out");
    }

    public static String household(int i) {
        return String.format("H%04d", i);
    }

    public static ResolutionAdoptedV1 resolution(String community, String projectId) {
        return resolution(community, projectId, "COMMUNITY");
    }

    /** A resolution of a council of the given level (COMMUNITY, GROUP or COURTYARD) on the project. */
    public static ResolutionAdoptedV1 resolution(String community, String projectId, String councilLevel) {
        return new ResolutionAdoptedV1(unique("R"), community, unique("CNC"), councilLevel, "FUND_PROJECT", projectId,
                "同意实施项目", unique("M"), 20, 3, 2, 25, Instant.now().minus(Duration.ofDays(7)), Instant.now());
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

package city.yingzao.deliberation.api;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestKafka;
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
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Test fixtures speaking the deliberation API: callers with tokens, a community published by the
 * "registry" on Kafka (so the service learns it as in production), councils elected and constituted
 * through the API. Every community code is fresh, so test classes sharing one database never collide.
 */
public final class Fixtures {

    public static final List<String> GROUPS = List.of("G01", "G02", "G03", "G04", "G05");
    public static final int RESIDENTS = 12;

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    // ---- callers -------------------------------------------------------------------------------

    public static String cityOperator() {
        return TestTokens.user("city-operator").roles("city-operator").sign();
    }

    public static String staff(String community) {
        return TestTokens.user("community-staff").roles("community-staff").communities(community).sign();
    }

    public static String reviewer(String community) {
        return TestTokens.user("party-reviewer").roles("party-reviewer").communities(community).sign();
    }

    public static String reviewer(String name, String community) {
        return TestTokens.user(name).roles("party-reviewer", "resident").communities(community).sign();
    }

    public static String member(String community, String person) {
        return TestTokens.user(person).roles("council-member", "resident").communities(community).sign();
    }

    public static String resident(String community, int n) {
        return TestTokens.user(residentId(community, n)).roles("resident").communities(community)
                .household(household(n)).sign();
    }

    public static String residentId(String community, int n) {
        return "resident-" + n + "-" + community;
    }

    public static String household(int n) {
        return String.format("H%04d", n);
    }

    public static String memberId(String community, int n) {
        return "member-" + n + "-" + community;
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    // ---- the registry's side -------------------------------------------------------------------

    /** A community with groups G01..G05, courtyards Y01..Y05 and households H0001..H0012, published and replicated. */
    public static String community() {
        return community("510104");
    }

    /** Such a community in the given district. */
    public static String community(String district) {
        String code = unique("C");
        List<CommunitySnapshotV1.ResidentGroup> groups = GROUPS.stream()
                .map(g -> new CommunitySnapshotV1.ResidentGroup(g, "小组 " + g)).toList();
        List<CommunitySnapshotV1.Courtyard> courtyards = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new CommunitySnapshotV1.Courtyard("Y0" + i, "院落 " + i, "G0" + i)).toList();
        publish(new CommunitySnapshotV1(code, "测试社区", "URBAN", district, "MAIN_URBAN", district + "021", 2350, 3,
                groups, courtyards, 1, Instant.now()));
        for (int n = 1; n <= RESIDENTS; n++) {
            publish(new HouseholdSnapshotV1(household(n), code, GROUPS.get((n - 1) % 5), null, true, 1, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestPostgres.count("select count(*) from replica_household where community_code = ?", code) == RESIDENTS
                        && TestPostgres.count("select count(*) from replica_group where community_code = ?", code) == 5);
        return code;
    }

    public static void publish(CommunitySnapshotV1 snapshot) {
        TestKafka.send(Topics.REGISTRY_COMMUNITIES, snapshot.code(), EventJson.write(snapshot),
                headers("city.yingzao.registry.CommunitySnapshot.v1", snapshot.code()));
    }

    public static void publish(HouseholdSnapshotV1 snapshot) {
        TestKafka.send(Topics.REGISTRY_HOUSEHOLDS, snapshot.recordKey(), EventJson.write(snapshot),
                headers("city.yingzao.registry.HouseholdSnapshot.v1", snapshot.communityCode()));
    }

    private static Map<String, String> headers(String type, String subject) {
        return Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/yingzao/registry",
                "ce_subject", subject, "ce_specversion", "1.0");
    }

    // ---- councils ------------------------------------------------------------------------------

    public static String createCouncil(String community, String level, String unit) {
        Map<String, Object> body = new HashMap<>(Map.of("communityCode", community, "level", level, "name", level + " 议事会"));
        if (unit != null) {
            body.put("unitCode", unit);
        }
        return as(staff(community)).body(body).post("/api/councils").then().statusCode(201).extract().path("id");
    }

    /** An election body: every candidate elected (seats = candidates), cadres as flagged. */
    public static Map<String, Object> election(List<String> people, List<Boolean> cadres) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            candidates.add(Map.of("personId", people.get(i), "cadre", cadres.get(i), "votes", 100 - i));
        }
        LocalDate today = LocalDate.now();
        return Map.of("heldOn", today.toString(), "seats", people.size(), "voters", 200,
                "termStart", today.toString(), "termEnd", today.plusYears(3).toString(), "candidates", candidates);
    }

    /** Members of group g (1..5): members 5(g-1)+1 .. 5g. */
    public static List<String> groupMembers(String community, int group) {
        return IntStream.rangeClosed(5 * (group - 1) + 1, 5 * group).mapToObj(n -> memberId(community, n)).toList();
    }

    /**
     * The community council of 25: five group councils of five elected by residents, then all 25
     * chosen for the community council; two cadres per group (10 of 25 ≤ 50%). Returns its id.
     */
    public static String constitutedCommunityCouncil(String community) {
        List<Boolean> twoCadres = List.of(true, true, false, false, false);
        List<String> everyone = new ArrayList<>();
        List<Boolean> cadres = new ArrayList<>();
        for (int g = 1; g <= 5; g++) {
            String group = createCouncil(community, "GROUP", "G0" + g);
            as(staff(community)).body(election(groupMembers(community, g), twoCadres))
                    .post("/api/councils/" + group + "/elections").then().statusCode(201);
            as(staff(community)).post("/api/councils/" + group + "/constitute").then().statusCode(200);
            everyone.addAll(groupMembers(community, g));
            cadres.addAll(twoCadres);
        }
        String council = createCouncil(community, "COMMUNITY", null);
        as(staff(community)).body(election(everyone, cadres)).post("/api/councils/" + council + "/elections")
                .then().statusCode(201);
        as(staff(community)).post("/api/councils/" + council + "/constitute").then().statusCode(200);
        return council;
    }
}

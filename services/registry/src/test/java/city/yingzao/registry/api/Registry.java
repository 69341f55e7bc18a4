package city.yingzao.registry.api;

import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Test fixtures speaking the registry's API: callers with tokens, and territory built through the
 * API with unique codes, so test classes sharing one database and one broker never collide.
 */
final class Registry {

    private Registry() {
    }

    /** A code nobody else uses: {@code prefix} plus 10 random characters. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String cityOperator() {
        return TestTokens.user("city-op").roles("city-operator").sign();
    }

    static String districtOperator(String district) {
        return TestTokens.user("district-op-" + district).roles("district-operator").district(district).sign();
    }

    static String communityStaff(String... communities) {
        return TestTokens.user("staff").roles("community-staff").communities(communities).sign();
    }

    static String resident(String community) {
        return TestTokens.user("resident").roles("resident").communities(community).household("H0001").sign();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String district(String tier) {
        String code = unique("D");
        as(cityOperator()).body(Map.of("code", code, "name", "测试区 " + code, "tier", tier))
                .post("/api/districts").then().statusCode(201);
        return code;
    }

    static String street(String district) {
        String code = unique("S");
        as(cityOperator()).body(Map.of("code", code, "name", "测试街道", "districtCode", district))
                .post("/api/streets").then().statusCode(201);
        return code;
    }

    static String community(String street) {
        String code = unique("C");
        as(cityOperator()).body(communityBody(code, street)).post("/api/communities").then().statusCode(201);
        return code;
    }

    static Map<String, Object> communityBody(String code, String street) {
        return Map.of("code", code, "name", "测试社区", "kind", "URBAN", "streetCode", street,
                "registeredHouseholds", 2350, "stage", 3);
    }

    /** A fresh community in a fresh street of a fresh main-urban district. */
    static String community() {
        return community(street(district("MAIN_URBAN")));
    }

    static void group(String community, String code) {
        as(cityOperator()).body(Map.of("code", code, "name", "居民小组 " + code))
                .post("/api/communities/" + community + "/groups").then().statusCode(201);
    }

    static void courtyard(String community, String code, String group) {
        as(cityOperator()).body(group == null ? Map.of("code", code, "name", "院落 " + code)
                        : Map.of("code", code, "name", "院落 " + code, "groupCode", group))
                .post("/api/communities/" + community + "/courtyards").then().statusCode(201);
    }

    /** The latest record of a key on a topic, waiting up to 30 seconds for the outbox relay. */
    static Optional<ConsumerRecord<String, String>> latest(String topic, String key, java.util.function.Predicate<String> valueMatches) {
        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(topic, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> key.equals(r.key()) && valueMatches.test(r.value())));
        return read.stream().filter(r -> key.equals(r.key()) && valueMatches.test(r.value())).reduce((a, b) -> b);
    }

    /** The community's snapshot of exactly this revision, once the relay has published it. */
    static Optional<city.yingzao.contracts.registry.CommunitySnapshotV1> communitySnapshot(String community, long revision) {
        return latest(city.yingzao.contracts.Topics.REGISTRY_COMMUNITIES, community,
                v -> city.yingzao.contracts.EventJson.read(v, city.yingzao.contracts.registry.CommunitySnapshotV1.class).revision() == revision)
                .map(r -> city.yingzao.contracts.EventJson.read(r.value(), city.yingzao.contracts.registry.CommunitySnapshotV1.class));
    }

    /** A count straight from the database, as an administrator would see it. */
    static long count(String sql, String... params) {
        return TestPostgres.count(sql, (Object[]) params);
    }

    static long outboxRowsAbout(String communityCode) {
        return count("select count(*) from outbox_message where ce_subject = ?", communityCode);
    }
}

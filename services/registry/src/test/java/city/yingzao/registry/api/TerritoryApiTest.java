package city.yingzao.registry.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static city.yingzao.registry.api.Registry.as;
import static city.yingzao.registry.api.Registry.cityOperator;
import static city.yingzao.registry.api.Registry.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TerritoryApiTest {

    @Test
    @DisplayName("P1 a district, a street and a community are registered, each answering 201 with its Location")
    void registerTheHierarchy() {
        String district = unique("D");
        as(cityOperator()).body(Map.of("code", district, "name", "锦江区", "tier", "MAIN_URBAN"))
                .post("/api/districts")
                .then().statusCode(201).header("Location", endsWith("/api/districts/" + district))
                .body("tier", equalTo("MAIN_URBAN"));
        String street = unique("S");
        as(cityOperator()).body(Map.of("code", street, "name", "水井坊街道", "districtCode", district))
                .post("/api/streets")
                .then().statusCode(201).header("Location", endsWith("/api/streets/" + street));
        String community = unique("C");
        as(cityOperator()).body(Registry.communityBody(community, street)).post("/api/communities")
                .then().statusCode(201).header("Location", endsWith("/api/communities/" + community))
                .body("districtCode", equalTo(district)).body("districtTier", equalTo("MAIN_URBAN"))
                .body("revision", equalTo(1));

        as(cityOperator()).get("/api/communities/" + community).then().statusCode(200)
                .body("name", equalTo("测试社区")).body("stage", equalTo(3)).body("groups", hasSize(0));
        as(cityOperator()).queryParam("district", district).get("/api/streets").then().statusCode(200)
                .body("items.code", hasItem(street));
    }

    @Test
    @DisplayName("a registered community's snapshot arrives on registry.communities as a CloudEvent keyed by its code")
    void snapshotIsPublished() {
        String district = Registry.district("NEAR_SUBURB");
        String community = Registry.community(Registry.street(district));

        ConsumerRecord<String, String> record = Registry.latest(Topics.REGISTRY_COMMUNITIES, community, v -> true).orElseThrow();

        assertThat(record.key()).isEqualTo(community);
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("city.yingzao.registry.CommunitySnapshot.v1");
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(community);
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/yingzao/registry");
        assertThat(TestKafka.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(EventSchemas.violations(EventType.COMMUNITY_SNAPSHOT, record.value())).isEmpty();
        CommunitySnapshotV1 snapshot = EventJson.read(record.value(), CommunitySnapshotV1.class);
        assertThat(snapshot.districtCode()).isEqualTo(district);
        assertThat(snapshot.districtTier()).isEqualTo("NEAR_SUBURB");
        assertThat(snapshot.registeredHouseholds()).isEqualTo(2350);
        assertThat(snapshot.revision()).isEqualTo(1);
    }

    @Test
    @DisplayName("changing a community publishes its next revision")
    void updateRaisesTheRevision() {
        String community = Registry.community();
        as(cityOperator()).body(Map.of("name", "交子社区", "kind", "URBAN", "registeredHouseholds", 4120, "stage", 4))
                .put("/api/communities/" + community)
                .then().statusCode(200).body("revision", equalTo(2)).body("stage", equalTo(4));

        CommunitySnapshotV1 snapshot = Registry.communitySnapshot(community, 2).orElseThrow();
        assertThat(snapshot.name()).isEqualTo("交子社区");
        assertThat(snapshot.registeredHouseholds()).isEqualTo(4120);
    }

    @Test
    @DisplayName("changing a district's tier republishes its communities with the new tier (F4 depends on it)")
    void tierChangeRepublishes() {
        String district = Registry.district("MAIN_URBAN");
        String community = Registry.community(Registry.street(district));
        as(cityOperator()).body(Map.of("name", "双流区", "tier", "NEAR_SUBURB")).put("/api/districts/" + district)
                .then().statusCode(200).body("tier", equalTo("NEAR_SUBURB"));

        as(cityOperator()).get("/api/communities/" + community).then()
                .body("districtTier", equalTo("NEAR_SUBURB")).body("revision", equalTo(2));
        assertThat(Registry.communitySnapshot(community, 2).map(CommunitySnapshotV1::districtTier)).contains("NEAR_SUBURB");
    }

    @Test
    @DisplayName("a body that is not valid answers 400 with an error per field, and nothing is stored")
    void invalidBody() {
        String code = unique("C");
        Map<String, Object> body = new HashMap<>(Registry.communityBody(code, "no such street!"));
        body.put("stage", 7);
        body.put("registeredHouseholds", -1);
        body.put("name", "");
        as(cityOperator()).body(body).post("/api/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:yingzao:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "registeredHouseholds", "stage", "streetCode"));
        as(cityOperator()).get("/api/communities/" + code).then().statusCode(404);
    }

    @Test
    @DisplayName("an unknown enum value or a body that is not JSON answers 400, never 500")
    void unreadableBody() {
        as(cityOperator()).body(Map.of("code", unique("D"), "name", "x", "tier", "DOWNTOWN")).post("/api/districts")
                .then().statusCode(400).body("errors[0].field", equalTo("tier"));
        as(cityOperator()).body("{not json").post("/api/districts").then().statusCode(400);
        as(cityOperator()).post("/api/districts").then().statusCode(400);
    }

    @Test
    @DisplayName("P1 a community on a street that does not exist is refused with 422 naming the street, and nothing is stored")
    void unknownStreet() {
        String code = unique("C");
        as(cityOperator()).body(Registry.communityBody(code, "999")).post("/api/communities")
                .then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:P1"))
                .body("detail", equalTo("P1: street 999 does not exist"));
        as(cityOperator()).get("/api/communities/" + code).then().statusCode(404);
        assertThat(Registry.outboxRowsAbout(code)).isZero();
    }

    @Test
    @DisplayName("P1 a street in a district that does not exist is refused with 422")
    void unknownDistrict() {
        as(cityOperator()).body(Map.of("code", unique("S"), "name", "x", "districtCode", "NOPE99"))
                .post("/api/streets").then().statusCode(422).body("detail", equalTo("P1: district NOPE99 does not exist"));
    }

    @Test
    @DisplayName("an unknown district or community answers 404")
    void unknownIs404() {
        as(cityOperator()).get("/api/districts/" + unique("D")).then().statusCode(404)
                .body("type", equalTo("urn:yingzao:problem:not-found"));
        as(cityOperator()).get("/api/communities/" + unique("C")).then().statusCode(404);
        as(cityOperator()).body(Map.of("name", "x", "kind", "URBAN", "registeredHouseholds", 1, "stage", 1))
                .put("/api/communities/" + unique("C")).then().statusCode(404);
    }

    @Test
    @DisplayName("registering a code twice answers 409 and keeps the first")
    void duplicateIs409() {
        String district = Registry.district("FAR_SUBURB");
        as(cityOperator()).body(Map.of("code", district, "name", "另一个", "tier", "MAIN_URBAN")).post("/api/districts")
                .then().statusCode(409).body("type", equalTo("urn:yingzao:problem:already-exists"));
        as(cityOperator()).get("/api/districts/" + district).then().body("tier", equalTo("FAR_SUBURB"));

        String street = Registry.street(district);
        String community = Registry.community(street);
        as(cityOperator()).body(Registry.communityBody(community, street)).post("/api/communities").then().statusCode(409);
        assertThat(Registry.outboxRowsAbout(community)).isEqualTo(1);
    }

    @Test
    @DisplayName("the public page shows a community's public fields to anyone, without a token")
    void publicPage() {
        String district = Registry.district("MAIN_URBAN");
        String community = Registry.community(Registry.street(district));
        io.restassured.RestAssured.given().queryParam("district", district).get("/api/public/communities")
                .then().statusCode(200)
                .body("items[0].code", equalTo(community))
                .body("items[0].districtName", equalTo("测试区 " + district))
                .body("items[0].registeredHouseholds", org.hamcrest.Matchers.nullValue())
                .body("totalItems", equalTo(1));
    }
}

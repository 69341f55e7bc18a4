package city.yingzao.training.api;

import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** T4: the map's profiles, outcomes from events kept once, GeoJSON and the paged list. */
@QuarkusTest
class MapApiTest {

    @Test
    @DisplayName("T4 a community's staff write its profile; the public reads it, its point in GeoJSON and the paged list")
    void profile() {
        String code = Training.unique("M");
        Training.community(code, "510107");
        as(Training.staff(code)).body(Map.of("history", "老街坊", "culture", "川剧", "specialities", "茶馆", "resources", "院落",
                        "pivotCategory", "COMMUNITY_CULTURE", "latitude", 30.64, "longitude", 104.04))
                .put("/api/communities/" + code + "/map-profile").then().statusCode(200)
                .body("pivotCategoryName", equalTo("形塑社区文化")).body("profile.stage", equalTo(3));
        as(Training.staff(code)).body(Map.of("latitude", 30.64)).put("/api/communities/" + code + "/map-profile").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:T4"));
        as(Training.staff("OTHER")).body(Map.of("history", "x")).put("/api/communities/" + code + "/map-profile").then().statusCode(403)
                .body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        RestAssured.get("/api/public/map/communities/" + code).then().statusCode(200).body("profile.culture", equalTo("川剧"));
        RestAssured.get("/api/public/map/geojson").then().statusCode(200).body("type", equalTo("FeatureCollection"))
                .body("features.properties.code", hasItem(code));
        RestAssured.given().queryParam("district", "510107").queryParam("size", 500).get("/api/public/map/communities").then().statusCode(200)
                .body("items.communityCode", hasItem(code));
        as(Training.cityOperator()).body(Map.of("title", "川西林盘游学", "theme", "社区文化", "communities", List.of(code)))
                .post("/api/map/tours").then().statusCode(201);
        RestAssured.get("/api/public/map/tours").then().statusCode(200).body("title", hasItem("川西林盘游学"));
    }

    @Test
    @DisplayName("T4 outcomes come from finance, grants and evaluation events; a duplicate event, or the same fact again, changes nothing")
    void outcomesOnce() {
        String code = Training.unique("O");
        Training.community(code, "510108");
        as(Training.staff(code)).body(Map.of("history", "h")).put("/api/communities/" + code + "/map-profile").then().statusCode(200);
        String project = UUID.randomUUID().toString();
        ProjectStepChangedV1 archived = new ProjectStepChangedV1(project, code, 2027, "楼道照明", "INFRASTRUCTURE_MAINTENANCE", 9,
                "ARCHIVED", 100_000, 100_000, Instant.now());
        UUID id = UUID.randomUUID();
        Training.publish(archived, id);
        Training.publish(archived, id);
        Training.publish(archived, UUID.randomUUID());
        Training.publish(new ProjectStepChangedV1(UUID.randomUUID().toString(), code, 2027, "未完成", "INFRASTRUCTURE_MAINTENANCE", 4,
                "COUNCIL", 1, 0, Instant.now()), UUID.randomUUID());
        Training.publish(new ProjectClosedV1("GP-" + code, "社区花园", "ORG1", code, "PUBLIC_SPACE", "COMPLETED", 5_000_000, Instant.now()),
                UUID.randomUUID());
        Training.publish(new EvaluationCompletedV1("EV-" + code, "GP-" + code, "ORG1", code, "FINAL", "provisional-1", List.of(),
                new BigDecimal("86.5"), "GOOD", true, Instant.now(), Instant.now()), UUID.randomUUID());
        Training.await(() -> TestPostgres.count("select count(*) from map_outcome where community_code = ?", code) == 3, "3 outcomes");
        RestAssured.get("/api/public/map/communities/" + code).then().statusCode(200)
                .body("outcomes.source", org.hamcrest.Matchers.containsInAnyOrder("FINANCE_PROJECT", "GRANT_PROJECT", "EVALUATION"));
        assertThat(TestPostgres.count("select count(*) from map_outcome where ref = ?", project)).isEqualTo(1);
    }

    @Test
    @DisplayName("T4 a duplicate registry event changes nothing: the replica keeps one row at its revision, the event id is applied once")
    void duplicateRegistryEvent() {
        String code = Training.unique("R");
        UUID id = UUID.randomUUID();
        CommunitySnapshotV1 snapshot = new CommunitySnapshotV1(code, "社区 " + code, "URBAN", "510109", "MAIN_URBAN", "510109001", 900, 4,
                List.of(), List.of(), 2, Instant.now());
        Training.publish(snapshot, id);
        Training.await(() -> TestPostgres.count("select count(*) from replica_community where code = ?", code) == 1, "replicated");
        Object before = TestPostgres.queryValue("select updated_at::text || revision || name from replica_community where code = ?", code);
        Training.publish(snapshot, id);
        String marker = Training.unique("R");
        Training.community(marker, "510109");
        assertThat(TestPostgres.queryValue("select updated_at::text || revision || name from replica_community where code = ?", code))
                .isEqualTo(before);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", id)).isEqualTo(1);
    }
}

package city.yingzao.registry.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static city.yingzao.registry.api.Registry.as;
import static city.yingzao.registry.api.Registry.cityOperator;
import static city.yingzao.registry.api.Registry.communityBody;
import static city.yingzao.registry.api.Registry.districtOperator;
import static city.yingzao.registry.api.Registry.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("P2 coverage of community building")
class CoverageApiTest {

    @Test
    @DisplayName("P2 a district's coverage counts its communities from step 2 on against the 90% target")
    void districtCoverage() {
        String district = Registry.district("NEAR_SUBURB");
        String street = Registry.street(district);
        int[] stages = {1, 2, 3, 6};
        for (int stage : stages) {
            Map<String, Object> body = new HashMap<>(communityBody(unique("C"), street));
            body.put("stage", stage);
            as(cityOperator()).body(body).post("/api/communities").then().statusCode(201);
        }

        as(cityOperator()).queryParam("district", district).get("/api/coverage")
                .then().statusCode(200)
                .body("communities", equalTo(4))
                .body("running", equalTo(3))
                .body("share", equalTo(0.75f))
                .body("meetsTarget", equalTo(false))
                .body("byStage.'1'", equalTo(1))
                .body("summary", equalTo("P2: 3 of 4 communities (75.0%) run a community-building action; target 90%"));
    }

    @Test
    @DisplayName("P2 the city operator lowers the target to 70%, audited, and the same district now meets it")
    void targetChangedByOperator() {
        String district = Registry.district("NEAR_SUBURB");
        String street = Registry.street(district);
        for (int stage : new int[] {1, 2, 3, 4}) {
            Map<String, Object> body = new HashMap<>(communityBody(unique("C"), street));
            body.put("stage", stage);
            as(cityOperator()).body(body).post("/api/communities").then().statusCode(201);
        }
        try {
            as(cityOperator()).body(Map.of("value", "0.7", "reason", "2019 interim target"))
                    .put("/api/settings/coverage.target").then().statusCode(200);

            as(cityOperator()).queryParam("district", district).get("/api/coverage")
                    .then().statusCode(200).body("target", equalTo(0.7f)).body("meetsTarget", equalTo(true));
            as(cityOperator()).get("/api/settings/coverage.target/history")
                    .then().statusCode(200).body("[0].newValue", equalTo("0.7")).body("[0].changedBy", equalTo("city-op"));
        } finally {
            as(cityOperator()).body(Map.of("value", "0.9", "reason", "back to the 2020 target"))
                    .put("/api/settings/coverage.target").then().statusCode(200);
        }
    }

    @Test
    @DisplayName("a district operator sees their own district's coverage without naming it")
    void ownDistrictByDefault() {
        String district = Registry.district("FAR_SUBURB");
        Registry.community(Registry.street(district));

        as(districtOperator(district)).get("/api/coverage")
                .then().statusCode(200).body("district", equalTo(district)).body("communities", equalTo(1));
    }

    @Test
    @DisplayName("a district operator may not read another district's coverage")
    void otherDistrictRefused() {
        String mine = Registry.district("MAIN_URBAN");
        String theirs = Registry.district("MAIN_URBAN");

        as(districtOperator(mine)).queryParam("district", theirs).get("/api/coverage")
                .then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
    }

    @Test
    @DisplayName("an unknown district gives 404, and residents or anonymous callers are refused")
    void unknownAndRefused() {
        as(cityOperator()).queryParam("district", unique("D")).get("/api/coverage").then().statusCode(404);
        as(Registry.resident("510104021001")).get("/api/coverage").then().statusCode(403);
        given().get("/api/coverage").then().statusCode(401);
    }

    @Test
    @DisplayName("P2 the city dashboard's lines: every district's coverage in one request, as each district's own coverage says")
    void everyDistrictInOneRequest() {
        String suburb = Registry.district("NEAR_SUBURB");
        String urban = Registry.district("MAIN_URBAN");
        for (int stage : new int[] {1, 2, 5}) {
            Map<String, Object> body = new HashMap<>(communityBody(unique("C"), Registry.street(suburb)));
            body.put("stage", stage);
            as(cityOperator()).body(body).post("/api/communities").then().statusCode(201);
        }
        Registry.community(Registry.street(urban));

        int pages = as(cityOperator()).queryParam("size", 500).get("/api/coverage/districts").then().statusCode(200)
                .extract().path("totalPages");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            lines.addAll(as(cityOperator()).queryParam("size", 500).queryParam("page", page).get("/api/coverage/districts")
                    .then().statusCode(200).extract().jsonPath().getList("items"));
        }
        for (String district : List.of(suburb, urban)) {
            Map<String, Object> line = lines.stream().filter(l -> district.equals(((Map<?, ?>) l.get("district")).get("code")))
                    .findFirst().orElseThrow();
            Map<String, Object> own = as(cityOperator()).queryParam("district", district).get("/api/coverage")
                    .then().statusCode(200).extract().jsonPath().getMap("");
            assertThat(line.get("coverage")).as(district).isEqualTo(own);
        }
        Map<?, ?> suburbLine = (Map<?, ?>) lines.stream().filter(l -> suburb.equals(((Map<?, ?>) l.get("district")).get("code")))
                .findFirst().orElseThrow().get("coverage");
        assertThat(suburbLine.get("communities")).isEqualTo(3);
        assertThat(suburbLine.get("running")).isEqualTo(2);
        assertThat(lines).extracting(l -> (String) ((Map<?, ?>) l.get("district")).get("code")).isSorted();
    }

    @Test
    @DisplayName("every district's coverage is the city's: a district operator is refused it")
    void everyDistrictNotForADistrictOperator() {
        String district = Registry.district("FAR_SUBURB");
        as(districtOperator(district)).get("/api/coverage/districts").then().statusCode(403);
        given().get("/api/coverage/districts").then().statusCode(401);
    }
}

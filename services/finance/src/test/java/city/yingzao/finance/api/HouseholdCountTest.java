package city.yingzao.finance.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * F3 household counts audited (issue 10): the allocation of a year uses the count declared for the
 * community and year when there is one (figure, reason, who, when; history kept), else the
 * registry's registered count, and records which; the figures are shown beside the households the
 * registry replica lists.
 */
@QuarkusTest
class HouseholdCountTest {

    @Test
    @DisplayName("F3 a declared household count (figure, reason, who, when; history kept) is the one the allocation uses and records; without one the registry's count")
    void declaredCountUsed() {
        int year = 2051;
        String district = Finance.unique("DH");
        String declared = Finance.unique("HD");
        String registry = Finance.unique("HR");
        Finance.community(declared, "URBAN", district, "MAIN_URBAN", 2350);
        Finance.community(registry, "URBAN", district, "MAIN_URBAN", 1000);
        Finance.households(declared, 3);
        String path = "/api/communities/" + declared + "/household-counts/" + year;

        Map<String, Object> first = Map.of("households", 2000, "reason", "街道入户核查 2051");
        as(Finance.staff(declared)).body(first).put(path).then().statusCode(403);
        as(Finance.auditor()).body(first).put(path).then().statusCode(403);
        as(Finance.districtOperator("ELSEWHERE")).body(first).put(path).then().statusCode(403)
                .body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        as(Finance.cityOperator()).body(Map.of("households", -1, "reason", "x")).put(path).then().statusCode(400);
        as(Finance.cityOperator()).body(Map.of("households", 10, "reason", " ")).put(path).then().statusCode(400);

        as(Finance.districtOperator(district)).body(first).put(path).then().statusCode(200)
                .body("inForce", equalTo(2000)).body("source", equalTo("DECLARED")).body("registryCount", equalTo(2350))
                .body("listedHouseholds", equalTo(3)).body("difference", equalTo(1997))
                .body("declared.declaredBy", equalTo("district-operator"));
        as(Finance.cityOperator()).body(Map.of("households", 2400, "reason", "市级复核")).put(path).then().statusCode(200)
                .body("inForce", equalTo(2400)).body("history", hasSize(2))
                .body("history[0].households", equalTo(2400)).body("history[0].declaredBy", equalTo("city-operator"))
                .body("history[0].reason", equalTo("市级复核")).body("history[0].declaredAt", notNullValue())
                .body("history[1].households", equalTo(2000)).body("history[1].declaredBy", equalTo("district-operator"))
                .body("history[1].reason", equalTo("街道入户核查 2051"));

        as(Finance.cityOperator()).body(Map.of("fundYear", year)).post("/api/allocations/runs").then().statusCode(200);
        // 2,400 (declared) × 400,000 / 100 = 9,600,000 fen, not 2,350 × 4,000 = 9,400,000; main urban: the district pays
        AllocationApiTest.assertAllocation(declared, year, 9_600_000, 0, 9_600_000);
        AllocationApiTest.assertAllocation(registry, year, 4_000_000, 0, 4_000_000);
        as(Finance.auditor()).get("/api/allocations?year=" + year + "&district=" + district).then().statusCode(200)
                .body("items.find { it.communityCode == '" + declared + "' }.registeredHouseholds", equalTo(2400))
                .body("items.find { it.communityCode == '" + declared + "' }.householdSource", equalTo("DECLARED"))
                .body("items.find { it.communityCode == '" + registry + "' }.registeredHouseholds", equalTo(1000))
                .body("items.find { it.communityCode == '" + registry + "' }.householdSource", equalTo("REGISTRY"));
        as(Finance.auditor()).get(path).then().statusCode(200)
                .body("allocatedWith", equalTo(2400)).body("allocatedFrom", equalTo("DECLARED"));
        io.restassured.RestAssured.get("/api/public/communities/" + declared + "/ledger?year=" + year).then().statusCode(200)
                .body("[0].memo", equalTo("allocation " + year + " (URBAN_PER_100_HOUSEHOLDS, 2400 households declared, policy revision 1)"));

        // the year is allocated for the community: its count can no longer change
        as(Finance.cityOperator()).body(Map.of("households", 2500, "reason", "补报")).put(path).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F3"));
        as(Finance.auditor()).get(path).then().body("history", hasSize(2)).body("inForce", equalTo(2400));
    }

    @Test
    @DisplayName("F3 a community's count in force is shown beside the households the registry replica lists; a district's list names those that differ, with both figures")
    void differencesShown() {
        int year = 2052;
        String district = Finance.unique("DL");
        String agrees = "HA" + Finance.unique("");
        String registryDiffers = "HB" + Finance.unique("");
        String declaredDiffers = "HC" + Finance.unique("");
        Finance.community(agrees, "URBAN", district, "MAIN_URBAN", 3);
        Finance.community(registryDiffers, "URBAN", district, "MAIN_URBAN", 50);
        Finance.community(declaredDiffers, "URBAN", district, "MAIN_URBAN", 2);
        Finance.households(agrees, 3);
        Finance.households(registryDiffers, 2);
        Finance.households(declaredDiffers, 2);
        as(Finance.cityOperator()).body(Map.of("households", 5, "reason", "含集体户"))
                .put("/api/communities/" + declaredDiffers + "/household-counts/" + year).then().statusCode(200);

        as(Finance.districtOperator(district)).get("/api/household-counts?year=" + year).then().statusCode(200)
                .body("district", equalTo(district)).body("communities", equalTo(3)).body("differing", hasSize(2))
                .body("differing[0].communityCode", equalTo(registryDiffers)).body("differing[0].source", equalTo("REGISTRY"))
                .body("differing[0].inForce", equalTo(50)).body("differing[0].listedHouseholds", equalTo(2))
                .body("differing[0].difference", equalTo(48))
                .body("differing[1].communityCode", equalTo(declaredDiffers)).body("differing[1].source", equalTo("DECLARED"))
                .body("differing[1].inForce", equalTo(5)).body("differing[1].registryCount", equalTo(2))
                .body("differing[1].listedHouseholds", equalTo(2)).body("differing[1].difference", equalTo(3));
        as(Finance.auditor()).get("/api/communities/" + agrees + "/household-counts/" + year).then().statusCode(200)
                .body("inForce", equalTo(3)).body("listedHouseholds", equalTo(3)).body("differs", equalTo(false))
                .body("declared", org.hamcrest.Matchers.nullValue()).body("allocatedWith", org.hamcrest.Matchers.nullValue());
        as(Finance.districtOperator("ELSEWHERE")).get("/api/household-counts?year=" + year + "&district=" + district)
                .then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        as(Finance.districtOperator("ELSEWHERE")).get("/api/communities/" + agrees + "/household-counts/" + year)
                .then().statusCode(403);
        as(Finance.cityOperator()).get("/api/household-counts?year=" + year).then().statusCode(400);
    }
}

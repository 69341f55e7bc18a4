package city.yingzao.finance.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static city.yingzao.finance.api.Finance.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every anonymous endpoint of finance, read after an allocation, a project, a household vote with
 * online and paper ballots and a step, carries no personal identifier: no login names and no
 * household codes (a disclosure shows tallies, never who voted). The endpoints come from the
 * service's own OpenAPI document, so a public endpoint added later fails here until it has a sample.
 */
@QuarkusTest
@DisplayName("Public endpoints carry no personal data")
class PublicEndpointsTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "resident-|community-staff|city-operator|district-operator|auditor|\\bH\\d{4}\\b");

    @Test
    @DisplayName("F7 F9 every /api/public endpoint, after a vote and a step, names no person and no household")
    void noPersonalIdentifiers() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 2350);
        Finance.households(community, 3);
        String staff = Finance.staff(community);
        as(Finance.cityOperator()).body(Map.of("fundYear", ProjectLifecycleTest.YEAR)).post("/api/allocations/runs")
                .then().statusCode(200);
        String project = ProjectLifecycleTest.createProject(community, staff, 1_000_000);
        String round = as(staff).body(Map.of("title", "2026 项目征集", "projectIds", List.of(project)))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(201).extract().path("id");
        ProjectLifecycleTest.vote(Finance.resident(community, "H0001"), community, round, List.of(project))
                .then().statusCode(201);
        as(staff).body(Map.of("householdCode", "H0002", "sheet", "S-2027-002", "approvals", List.of(project)))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/paper-ballots").then().statusCode(201);
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(200);
        ProjectLifecycleTest.advance(staff, project, 2, null).then().statusCode(200);

        String base = "/api/public/communities/" + community;
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("/api/public/communities/{code}/finance", base + "/finance");
        samples.put("/api/public/communities/{code}/ledger", base + "/ledger");
        samples.put("/api/public/communities/{code}/ledger.csv", base + "/ledger.csv");
        samples.put("/api/public/communities/{code}/projects", base + "/projects");
        samples.put("/api/public/communities/{code}/vote-rounds", base + "/vote-rounds");
        samples.put("/api/public/communities/{code}/vote-rounds/{round}", base + "/vote-rounds/" + round);

        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        assertThat(samples.keySet()).as("a sample for every public endpoint of the OpenAPI document")
                .containsExactlyInAnyOrderElementsOf(paths.keySet().stream().filter(p -> p.startsWith("/api/public/")).toList());

        for (String sample : samples.values()) {
            String body = given().get(sample).then().statusCode(200).extract().asString();
            assertThat(PERSONAL.matcher(body).find()).as(sample + " carries a personal identifier: " + body).isFalse();
        }
        assertThat(given().get(base + "/vote-rounds/" + round).asString()).contains("\"ballots\":2");
        assertThat(given().get(base + "/ledger").asString()).contains("ALLOCATION");
    }
}

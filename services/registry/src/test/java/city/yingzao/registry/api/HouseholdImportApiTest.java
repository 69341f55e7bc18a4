package city.yingzao.registry.api;

import city.yingzao.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static city.yingzao.registry.api.Registry.communityStaff;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HouseholdImportApiTest {

    private static final String HEADER = "community_code,code,group_code,courtyard_code\n";

    @Test
    @DisplayName("P1 households import for the staff's own community, each published keyed community:household")
    void importHouseholds() {
        String community = Registry.community();
        Registry.group(community, "G01");
        Registry.group(community, "G02");
        Registry.courtyard(community, "Y01", "G01");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 1000; i++) {
            csv.append(community).append(",H").append(String.format("%04d", i)).append(',')
                    .append(i % 2 == 0 ? "G01,Y01" : "G02,").append('\n');
        }
        long started = System.nanoTime();
        given().auth().oauth2(communityStaff(community)).contentType("text/csv").body(csv.toString())
                .post("/api/households/import").then().statusCode(200).body("imported", equalTo(1000));
        System.out.printf("[registry] imported 1,000 households in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Registry.as(communityStaff(community)).queryParam("size", 500).get("/api/communities/" + community + "/households")
                .then().body("totalItems", equalTo(1000)).body("totalPages", equalTo(2));
        assertThat(Registry.latest(Topics.REGISTRY_HOUSEHOLDS, community + ":H1000", v -> true)).isPresent();
    }

    @Test
    @DisplayName("P1 unknown community, a group or courtyard not of that community, and duplicates are row errors; nothing is imported")
    void rowErrors() {
        String community = Registry.community();
        Registry.group(community, "G01");
        String csv = HEADER
                + community + ",H1,G01,\n"
                + community + ",H2,G09,\n"
                + community + ",H3,G01,Y09\n"
                + community + ",H1,G01,\n"
                + "NOSUCHC,H5,G01,\n";
        given().auth().oauth2(Registry.cityOperator()).contentType("text/csv").body(csv)
                .post("/api/households/import").then().statusCode(422)
                .body("errors.row", contains(3, 4, 5, 6))
                .body("errors.find { it.row == 6 }.message", equalTo("P1: community NOSUCHC does not exist"));
        assertThat(Registry.count("select count(*) from household where community_code = ?", community)).isZero();
        assertThat(Registry.count("select count(*) from outbox_message where topic = 'registry.households' and ce_subject = ?", community)).isZero();
    }

    @Test
    @DisplayName("staff importing households of another community are refused with 403 out-of-scope")
    void otherCommunity() {
        String community = Registry.community();
        Registry.group(community, "G01");
        given().auth().oauth2(communityStaff("SOMEWHERE-ELSE")).contentType("text/csv").body(HEADER + community + ",H1,G01,\n")
                .post("/api/households/import").then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        assertThat(Registry.count("select count(*) from household where community_code = ?", community)).isZero();
    }
}

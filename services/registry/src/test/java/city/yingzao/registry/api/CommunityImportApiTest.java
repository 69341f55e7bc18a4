package city.yingzao.registry.api;

import city.yingzao.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static city.yingzao.registry.api.Registry.cityOperator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CommunityImportApiTest {

    private static final String HEADER = "code,name,kind,street_code,registered_households,stage\n";

    private static String rows(String prefix, String street, int count) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append(prefix).append(String.format("%05d", i)).append(",社区").append(i).append(',')
                    .append(i % 3 == 0 ? "RURAL" : "URBAN").append(',').append(street).append(',')
                    .append(i * 7 % 5000).append(',').append(i % 6 + 1).append('\n');
        }
        return csv.toString();
    }

    private static io.restassured.response.ValidatableResponse upload(String csv) {
        return given().auth().oauth2(cityOperator()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/communities/import").then();
    }

    @Test
    @DisplayName("P1 4,000 communities import in one request, each with its snapshot in the outbox")
    void importFourThousand() {
        String district = Registry.district("MAIN_URBAN");
        String street = Registry.street(district);
        String csv = rows(district + "-", street, 4000);

        long started = System.nanoTime();
        upload(csv).statusCode(200).body("imported", equalTo(4000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[registry] imported 4,000 communities in %d ms%n", millis);

        Registry.as(cityOperator()).queryParam("district", district).queryParam("size", 1).get("/api/communities")
                .then().body("totalItems", equalTo(4000));
        assertThat(Registry.count("select count(*) from outbox_message where ce_subject like ? and topic = ?",
                district + "-%", Topics.REGISTRY_COMMUNITIES)).isEqualTo(4000);
        assertThat(Registry.latest(Topics.REGISTRY_COMMUNITIES, district + "-04000", v -> true)).isPresent();
    }

    @Test
    @DisplayName("one bad row among many rejects the whole file with 422 naming its row, and nothing is imported or published")
    void oneBadRow() {
        String district = Registry.district("MAIN_URBAN");
        String street = Registry.street(district);
        String csv = rows(district + "-", street, 300).replace(district + "-00151,社区151,URBAN", district + "-00151,社区151,SUBURBAN");

        upload(csv).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yingzao:problem:invalid-rows"))
                .body("errors.row", contains(152)) // the header is row 1, so the 151st community is row 152
                .body("errors[0].field", equalTo("kind"));

        assertThat(Registry.count("select count(*) from community where district_code = ?", district)).isZero();
        assertThat(Registry.count("select count(*) from outbox_message where ce_subject like ?", district + "-%")).isZero();
    }

    @Test
    @DisplayName("P1 P2 every row error is reported at once: unknown street, stage off the path, duplicate in file, already registered")
    void everyErrorAtOnce() {
        String district = Registry.district("MAIN_URBAN");
        String street = Registry.street(district);
        String existing = Registry.community(street);
        String p = district + "-";
        String csv = HEADER
                + p + "1,甲,URBAN," + street + ",10,1\n"
                + p + "2,乙,URBAN,999,10,1\n"
                + p + "3,丙,URBAN," + street + ",10,7\n"
                + p + "1,丁,URBAN," + street + ",10,1\n"
                + existing + ",戊,URBAN," + street + ",ten,1\n";
        upload(csv).statusCode(422)
                .body("errors.row", contains(3, 4, 5, 6))
                .body("errors.find { it.row == 3 }.message", equalTo("P1: street 999 does not exist"))
                .body("errors.find { it.row == 4 }.message", org.hamcrest.Matchers.startsWith("P2: stage 7"))
                .body("errors.find { it.row == 5 }.field", equalTo("code"))
                .body("errors.find { it.row == 6 }.field", equalTo("registered_households"));
        assertThat(Registry.count("select count(*) from community where district_code = ?", district)).isEqualTo(1);
    }

    @Test
    @DisplayName("a byte-order mark, quoted fields with commas and quotes, CRLF line ends and text/plain are accepted")
    void rfc4180() {
        String district = Registry.district("MAIN_URBAN");
        String street = Registry.street(district);
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + district + "-Q1,\"锦江, \"\"水井坊\"\"社区\",URBAN," + street + ",2350,3\r\n";
        given().auth().oauth2(cityOperator()).contentType("text/plain; charset=UTF-8").body(csv)
                .post("/api/communities/import").then().statusCode(200).body("imported", equalTo(1));
        Registry.as(cityOperator()).get("/api/communities/" + district + "-Q1").then().body("name", equalTo("锦江, \"水井坊\"社区"));
    }

    @Test
    @DisplayName("a file without the header, or not CSV at all, answers 422 at row 1 and imports nothing")
    void missingHeader() {
        upload("code,name\nX1,y\n").statusCode(422).body("errors.field", hasItem("street_code"));
        upload("").statusCode(422).body("errors[0].row", equalTo(1));
        upload(HEADER + "\"never closed,a,b\n").statusCode(422).body("errors[0].row", equalTo(2));
    }
}

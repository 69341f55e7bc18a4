package city.yingzao.kernel.problem;

import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Input PostgreSQL refuses or that JSON leaves ambiguous: a clear 400 problem naming it, never a 500,
 * and nothing written.
 */
@QuarkusTest
@DisplayName("Bad input that PostgreSQL or the JSON parser refuses gives a 400 problem, never a 500, and writes nothing")
class BadInputTest {

    private static final String STAFF = TestTokens.user("staff-bad-input").roles("community-staff").communities("510104021001").sign();
    private static final String OPERATOR = TestTokens.user("operator-bad-input").roles("city-operator").sign();

    @ParameterizedTest(name = "{0} repeated in {1}")
    @CsvSource(delimiter = '|', value = {
            "code | {\"code\":\"ABC\",\"name\":\"n\",\"code\":\"XYZ\",\"households\":1}",
            "code | {\"code\":\"ABC\",\"name\":\"n\",\"households\":1,\"code\":\"XYZ\"}",
            "households | {\"code\":\"ABC\",\"name\":\"n\",\"households\":1,\"households\":2}"})
    @DisplayName("a JSON body that repeats a key is refused as ambiguous, naming the key")
    void duplicateKey(String key, String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/probe/registrations")
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:duplicate-key"))
                .body("errors.field", hasItem(key))
                .body("detail", containsString("more than once"));
    }

    @Test
    @DisplayName("a repeated key nested in a list or object is refused too, and nothing is written")
    void nestedDuplicateKey() {
        String code = code();
        as(STAFF).body("{\"code\":\"" + code + "\",\"text\":\"a\",\"text\":\"b\",\"copies\":1}")
                .when().post("/api/probe/notes")
                .then().log().ifValidationFails().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:duplicate-key"))
                .body("errors.field", hasItem("text"));
        assertThat(rows(code)).isZero();
    }

    @Test
    @DisplayName("a NUL (%00) in a path parameter gives 400 nul-character")
    void nulInPath() {
        given().urlEncodingEnabled(false).when().get("/api/probe/notes/AB%00CD")
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:nul-character"));
    }

    @Test
    @DisplayName("a NUL (%00) in a query parameter gives 400 nul-character")
    void nulInQuery() {
        given().urlEncodingEnabled(false).when().get("/api/probe/notes?text=a%00b")
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:nul-character"));
    }

    @ParameterizedTest(name = "through {0}")
    @ValueSource(strings = {"/api/probe/notes", "/api/probe/notes/jdbc"})
    @DisplayName("a NUL (\\u0000) inside a JSON string gives 400 nul-character naming the field, and nothing is written")
    void nulInJsonString(String endpoint) {
        String code = code();
        as(OPERATOR).body("{\"code\":\"" + code + "\",\"text\":\"a\\u0000b\",\"copies\":1}")
                .when().post(endpoint)
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:nul-character"))
                .body("errors.field", hasItem("text"));
        assertThat(rows(code)).isZero();
    }

    @ParameterizedTest(name = "through {0}")
    @ValueSource(strings = {"/api/probe/notes", "/api/probe/notes/jdbc"})
    @DisplayName("text longer than its column (PostgreSQL 22001) gives 400 too-long, and nothing is written")
    void tooLong(String endpoint) {
        String code = code();
        as(OPERATOR).body("{\"code\":\"" + code + "\",\"text\":\"" + "x".repeat(41) + "\",\"copies\":1}")
                .when().post(endpoint)
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:too-long"));
        assertThat(rows(code)).isZero();
    }

    @ParameterizedTest(name = "through {0}")
    @ValueSource(strings = {"/api/probe/notes", "/api/probe/notes/jdbc"})
    @DisplayName("a number out of its column's range (PostgreSQL 22003) gives 400 out-of-range, and nothing is written")
    void outOfRange(String endpoint) {
        String code = code();
        as(OPERATOR).body("{\"code\":\"" + code + "\",\"text\":\"t\",\"copies\":40000}")
                .when().post(endpoint)
                .then().log().ifValidationFails().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:yingzao:problem:out-of-range"));
        assertThat(rows(code)).isZero();
    }

    @Test
    @DisplayName("the same note without the fault is written (the endpoints work)")
    void control() {
        String code = code();
        as(OPERATOR).body("{\"code\":\"" + code + "\",\"text\":\"t\",\"copies\":2}")
                .when().post("/api/probe/notes").then().statusCode(201);
        given().when().get("/api/probe/notes/" + code).then().statusCode(200).body("copies", equalTo(2));
        assertThat(rows(code)).isOne();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String code() {
        return "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static long rows(String code) {
        return TestPostgres.count("select count(*) from probe_note where code = ?", code);
    }
}

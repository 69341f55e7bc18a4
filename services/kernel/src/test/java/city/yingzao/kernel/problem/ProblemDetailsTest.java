package city.yingzao.kernel.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@DisplayName("Every error is RFC 9457 problem details; bad input is never a 500")
class ProblemDetailsTest {

    @Test
    @DisplayName("invalid fields give 400 with one error per field")
    void validation() {
        given().contentType(ContentType.JSON).body("{\"code\":\"x\",\"name\":\"\",\"households\":-1}")
                .when().post("/api/probe/registrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:validation"))
                .body("errors.field", hasItems("code", "name", "households"));
    }

    @Test
    @DisplayName("a body that is not JSON gives 400, not 500")
    void unreadableJson() {
        given().contentType(ContentType.JSON).body("{\"code\": ")
                .when().post("/api/probe/registrations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:unreadable-body"));
    }

    @Test
    @DisplayName("a field of the wrong type gives 400 naming the field")
    void wrongType() {
        given().contentType(ContentType.JSON).body("{\"code\":\"ABC\",\"name\":\"n\",\"households\":\"many\"}")
                .when().post("/api/probe/registrations")
                .then().log().ifValidationFails().statusCode(400)
                .body("errors.field", hasItems("households"))
                .body("detail", org.hamcrest.Matchers.equalTo("households: \"many\" is not a valid number"));
    }

    @Test
    @DisplayName("an array where an object belongs is explained without Java class names")
    void wrongShapeInPlainWords() {
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/probe/registrations")
                .then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo("expected JSON object"));
    }

    @Test
    @DisplayName("a missing resource gives 404 saying what is missing")
    void notFound() {
        given().when().get("/api/probe/communities/510104021999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:not-found"))
                .body("detail", containsString("510104021999"));
    }

    @Test
    @DisplayName("an unknown path gives a 404 problem")
    void unknownPath() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("a broken rule gives 422 whose type names the rule and whose detail a person can read")
    void ruleViolation() {
        given().when().post("/api/probe/meetings/quorum")
                .then().statusCode(422)
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:rule:D6"))
                .body("detail", org.hamcrest.Matchers.equalTo("D6: 19 of 25 members present, 20 needed"))
                .body("rules", hasItems("D6"));
    }

    @Test
    @DisplayName("several broken rules are all named")
    void severalRules() {
        given().when().post("/api/probe/councils")
                .then().statusCode(422)
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:rules"))
                .body("rules", hasItems("D1", "D3"));
    }

    @Test
    @DisplayName("a unique key lost in a race gives 409, not 500")
    void uniqueViolation() {
        given().when().post("/api/probe/race")
                .then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo("urn:yingzao:problem:already-exists"));
    }

    @Test
    @DisplayName("an unexpected failure gives a 500 problem with a reference and no internals")
    void unexpected() {
        given().when().get("/api/probe/crash")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", startsWith("reference "))
                .body(not(containsString("secret internal detail")));
    }
}

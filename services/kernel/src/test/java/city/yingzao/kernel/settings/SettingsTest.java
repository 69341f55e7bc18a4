package city.yingzao.kernel.settings;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestMethodOrder(MethodOrderer.DisplayName.class)
@DisplayName("Operator settings: a default from configuration, changed by the city operator, audited")
class SettingsTest {

    private static final String CITY = TestTokens.user("zhang-city").roles("city-operator").sign();
    private static final String DISTRICT = TestTokens.user("li-district").roles("district-operator").district("510104").sign();
    private static final String AUDITOR = TestTokens.user("wang-audit").roles("auditor").sign();

    @Test
    @DisplayName("1 a change records who, when, the old and the new value and why, and the value is in force")
    void changeIsAudited() {
        String before = given().auth().oauth2(CITY).get("/api/settings/quorum.share").then().statusCode(200)
                .body("defaultValue", equalTo("0.8")).extract().path("value");

        given().auth().oauth2(CITY).contentType(ContentType.JSON)
                .body(Map.of("value", "0.75", "reason", "city council decision 2026-11"))
                .put("/api/settings/quorum.share")
                .then().statusCode(200).body("value", equalTo("0.75")).body("updatedBy", equalTo("zhang-city"));

        given().auth().oauth2(AUDITOR).get("/api/settings/quorum.share/history")
                .then().statusCode(200)
                .body("[0].oldValue", equalTo(before))
                .body("[0].newValue", equalTo("0.75"))
                .body("[0].changedBy", equalTo("zhang-city"))
                .body("[0].reason", equalTo("city council decision 2026-11"));
        given().auth().oauth2(DISTRICT).get("/api/settings")
                .then().statusCode(200).body("key", hasItem("quorum.share"));
    }

    @Test
    @DisplayName("2 a value outside the setting's bounds is refused with 400 and changes nothing")
    void outOfBounds() {
        String before = given().auth().oauth2(CITY).get("/api/settings/quorum.share").then().extract().path("value");

        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("value", "1.5", "reason", "typo"))
                .put("/api/settings/quorum.share")
                .then().statusCode(400).body("type", equalTo("urn:yingzao:problem:validation"));

        given().auth().oauth2(CITY).get("/api/settings/quorum.share").then().body("value", equalTo(before));
    }

    @Test
    @DisplayName("3 only the city operator changes settings; a change needs a reason; unknown settings are 404")
    void whoMayChange() {
        given().auth().oauth2(DISTRICT).contentType(ContentType.JSON).body(Map.of("value", "0.9", "reason", "r"))
                .put("/api/settings/quorum.share").then().statusCode(403);
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("value", "0.9"))
                .put("/api/settings/quorum.share").then().statusCode(400);
        given().auth().oauth2(CITY).get("/api/settings/no.such.thing").then().statusCode(404);
        given().get("/api/settings").then().statusCode(401);
    }
}

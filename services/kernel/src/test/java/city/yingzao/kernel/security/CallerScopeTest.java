package city.yingzao.kernel.security;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("The caller's scope claims")
class CallerScopeTest {

    @Test
    @DisplayName("community, district, household and org claims are read from a signed token")
    void readsClaims() {
        String token = TestTokens.user("resident-3").roles("resident")
                .communities("510104021001", "510104021002").district("510104").household("H0003").org("ORG-1").sign();

        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(200)
                .body("name", equalTo("resident-3"))
                .body("communities", containsInAnyOrder("510104021001", "510104021002"))
                .body("district", equalTo("510104"))
                .body("household", equalTo("H0003"))
                .body("org", equalTo("ORG-1"))
                .body("roles", contains("resident"));
    }

    @Test
    @DisplayName("a single community given as a string is read like an array of one")
    void singleCommunity() {
        String token = TestTokens.user("staff").roles("community-staff").communities("510104021001").sign();

        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(200).body("communities", contains("510104021001"));
    }

    @Test
    @DisplayName("staff act in their own community")
    void ownCommunity() {
        String token = TestTokens.user("staff").roles("community-staff").communities("510104021001").sign();

        given().auth().oauth2(token).when().post("/api/probe/communities/510104021001/groups").then().statusCode(200);
    }

    @Test
    @DisplayName("staff of another community get 403 out-of-scope")
    void otherCommunity() {
        String token = TestTokens.user("staff").roles("community-staff").communities("510184110201").sign();

        given().auth().oauth2(token).when().post("/api/probe/communities/510104021001/groups")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yingzao:problem:out-of-scope"));
    }

    @Test
    @DisplayName("a role that may not act gets 403")
    void wrongRole() {
        String token = TestTokens.user("r").roles("resident").communities("510104021001").sign();

        given().auth().oauth2(token).when().post("/api/probe/communities/510104021001/groups").then().statusCode(403);
    }

    @Test
    @DisplayName("no token, a token signed by a stranger, an expired or a tampered token get 401")
    void unauthenticated() {
        given().when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByStranger("mallory", "city-operator"))
                .when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("late").roles("resident").expiredSince(Duration.ofMinutes(10)).sign())
                .when().get("/api/me").then().statusCode(401);
        given().auth().oauth2(tamper(TestTokens.user("x").roles("resident").sign()))
                .when().get("/api/me").then().statusCode(401);
    }

    /** Changes one character in the middle of the signature (the last character may only be padding bits). */
    static String tamper(String jwt) {
        int signatureStart = jwt.lastIndexOf('.') + 1;
        int middle = signatureStart + (jwt.length() - signatureStart) / 2;
        char replacement = jwt.charAt(middle) == 'A' ? 'B' : 'A';
        return jwt.substring(0, middle) + replacement + jwt.substring(middle + 1);
    }
}

package city.yingzao.kernel.security;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The cache of verified bearer tokens (ADR 0005) in front of quarkus-oidc: a token verified once is
 * not verified again, but every check still holds for it (expiry on every hit; another token, even
 * one character apart, is verified afresh).
 */
@QuarkusTest
@DisplayName("Verified bearer tokens (ADR 0005)")
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    @DisplayName("a token verified once answers from the cache the next time, with the same identity and claims")
    void sameTokenTwice() {
        String token = TestTokens.user("resident-7").roles("resident").communities("510104021001").household("H0007").sign();
        assertThat(verified.find(token)).isNull();

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/me")
                    .then().statusCode(200)
                    .body("name", equalTo("resident-7"))
                    .body("communities", contains("510104021001"))
                    .body("household", equalTo("H0007"));
        }
        assertThat(verified.find(token)).isNotNull();
        assertThat(verified.find(token).getRoles()).containsExactly("resident");
    }

    @Test
    @DisplayName("a cached token is refused once it has expired: exp is checked on every hit")
    void expiresInTheCacheToo() throws InterruptedException {
        String token = TestTokens.user("resident-8").roles("resident").expiresIn(Duration.ofSeconds(3)).sign();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        assertThat(verified.find(token)).isNotNull();

        Thread.sleep(4_500);

        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
        assertThat(verified.find(token)).isNull();
    }

    @Test
    @DisplayName("a token whose signature was altered after a good one is verified afresh and refused")
    void alteredTokenIsVerifiedAgain() {
        String token = TestTokens.user("resident-9").roles("resident").sign();
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);

        int last = token.length() - 2;
        String altered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        given().auth().oauth2(altered).when().get("/api/me").then().statusCode(401);
        assertThat(verified.find(altered)).isNull();
    }

    @Test
    @DisplayName("a token signed by a key the realm does not publish is refused and never cached")
    void strangerIsNotCached() {
        String token = TestTokens.signedByStranger("intruder", "city-operator");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
        }
        assertThat(verified.find(token)).isNull();
    }

    @Test
    @DisplayName("roles come with the cached identity: a resident is refused a staff endpoint every time")
    void rolesStillChecked() {
        String token = TestTokens.user("resident-10").roles("resident").communities("510104021001").sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().post("/api/probe/communities/510104021001/groups")
                    .then().statusCode(403);
        }
        assertThat(verified.find(token)).isNotNull();
    }
}

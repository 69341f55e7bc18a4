package city.yingzao.kernel.inbox;

import city.yingzao.contracts.Topics;
import city.yingzao.kernel.testapp.Communities;
import city.yingzao.kernel.testapp.SeenCommunitiesConsumer;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
@DisplayName("Dead letters are replayed after a fix, idempotently")
class DeadLetterReplayTest {

    private static final String CITY = TestTokens.user("zhang-city").roles("city-operator").sign();
    private static final String STAFF = TestTokens.user("chen-staff").roles("community-staff").communities("510104021001").sign();

    @Inject
    SeenCommunitiesConsumer rule;

    @AfterEach
    void restoreRule() {
        rule.acceptRefused(false);
    }

    @Test
    @DisplayName("a refused event is dead-lettered, applied by a replay once the rule is fixed, and a second replay changes nothing")
    void replayAfterFix() {
        String code = Communities.freshCode();
        String refusedId = UUID.randomUUID().toString();
        IdempotentConsumerTest.send(code, "REFUSED", 1, refusedId);
        IdempotentConsumerTest.deadLetter(refusedId);
        assertThat(IdempotentConsumerTest.seen(code)).isZero();

        rule.acceptRefused(true);
        given().auth().oauth2(CITY)
                .post("/api/dead-letters/{topic}/replay", Topics.REGISTRY_COMMUNITIES)
                .then().statusCode(200)
                .body("deadLetterTopic", equalTo(IdempotentConsumerTest.DEAD_LETTERS))
                .body("applied", greaterThanOrEqualTo(1));
        assertThat(IdempotentConsumerTest.seen(code)).isEqualTo(1);

        given().auth().oauth2(CITY)
                .post("/api/dead-letters/{topic}/replay", Topics.REGISTRY_COMMUNITIES)
                .then().statusCode(200).body("applied", equalTo(0));
        assertThat(IdempotentConsumerTest.seen(code)).as("applied once, whatever the replays").isEqualTo(1);
    }

    @Test
    @DisplayName("the dead letters of each consumed topic are listed for operators and auditors, replayed only by the city operator")
    void whoMayReplay() {
        given().auth().oauth2(CITY).get("/api/dead-letters").then().statusCode(200)
                .body("[0].topic", equalTo(Topics.REGISTRY_COMMUNITIES));
        given().get("/api/dead-letters").then().statusCode(401);
        given().auth().oauth2(STAFF)
                .post("/api/dead-letters/{topic}/replay", Topics.REGISTRY_COMMUNITIES).then().statusCode(403);
        given().auth().oauth2(CITY)
                .post("/api/dead-letters/{topic}/replay", "no.such.topic").then().statusCode(404);
    }
}

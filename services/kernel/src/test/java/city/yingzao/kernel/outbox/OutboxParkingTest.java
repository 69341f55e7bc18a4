package city.yingzao.kernel.outbox;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.testapp.Communities;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A row that can never be published (its record is larger than the producer's
 * {@code max.request.size}): retried alone, parked after {@code yingzao.outbox.max-attempts} (3 in
 * these tests), never holding back other communities, and replayed by the city operator.
 */
@QuarkusTest
@DisplayName("Outbox relay: a row failing for a reason of its own is parked, the rest keeps flowing")
class OutboxParkingTest {

    private static final String CITY = TestTokens.user("zhang-city").roles("city-operator").sign();
    private static final String DISTRICT = TestTokens.user("li-district").roles("district-operator").district("510104").sign();

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    @DisplayName("too large a record is parked after max-attempts with its error; other communities flow while it fails, its own later events once it is parked; replay puts it back")
    void parkedAndReplayed() throws SQLException {
        String blocked = Communities.freshCode();
        String other = Communities.freshCode();
        // the head of `blocked` is ~1.1 MB: RecordTooLargeException, every time
        UUID head = QuarkusTransaction.requiringNew().call(() -> outbox.append(Communities.snapshot(blocked, "x".repeat(1_100_000), 1)));
        // more later events of the same community than one batch (50) holds
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(LongStream.rangeClosed(2, 61)
                .mapToObj(revision -> Communities.snapshot(blocked, "later", revision)).toList()));
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(LongStream.rangeClosed(1, 5)
                .mapToObj(revision -> Communities.snapshot(other, "other", revision)).toList()));

        await().atMost(Duration.ofSeconds(60)).until(() -> TestPostgres.queryValue(
                "select parked_at from outbox_message where id = ?", head) != null);
        assertThat(TestPostgres.count("select attempts from outbox_message where id = ?", head)).isEqualTo(3);
        assertThat((String) TestPostgres.queryValue("select last_error from outbox_message where id = ?", head))
                .contains("RecordTooLargeException");

        // the other community was sent while the head still failed, not only once it was parked
        assertThat(TestPostgres.count("""
                select count(*) from outbox_message o, outbox_message h
                where h.id = ? and o.ce_subject = ? and o.sent_at < h.parked_at""", head, other)).isEqualTo(5);
        // the later events of the head's community stayed pending behind it, then flowed
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(blocked) == 1);
        assertThat(TestPostgres.count("""
                select count(*) from outbox_message o, outbox_message h
                where h.id = ? and o.ce_subject = ? and o.id <> h.id and o.sent_at >= h.parked_at""", head, blocked)).isEqualTo(60);
        assertThat(revisions(blocked, 60)).containsExactlyElementsOf(LongStream.rangeClosed(2, 61).boxed().toList());

        // gauge, wellness and the operators' list
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            relay.relayRound();
            assertThat(relay.parked()).isGreaterThanOrEqualTo(1);
        });
        given().get("/q/metrics").then().statusCode(200).body(containsString("yingzao_outbox_parked"));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"));
        given().auth().oauth2(CITY).queryParam("size", 500).get("/api/outbox/parked").then().statusCode(200)
                .body("items.id", hasItem(head.toString()))
                .body("items.find { it.id == '" + head + "' }.attempts", equalTo(3))
                .body("items.find { it.id == '" + head + "' }.communityCode", equalTo(blocked))
                .body("items.find { it.id == '" + head + "' }.lastError", containsString("RecordTooLargeException"));

        // the cause is fixed (here: the row is made publishable), then the city operator replays it
        shrinkPayload(head, blocked);
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("ids", List.of(head)))
                .post("/api/outbox/parked/replay").then().statusCode(200)
                .body("replayed", equalTo(1)).body("ids", hasItem(head.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(blocked) == 0);
        assertThat(TestPostgres.count("select attempts from outbox_message where id = ?", head)).isZero();
        // idempotent: nothing is parked any more
        given().auth().oauth2(CITY).contentType(ContentType.JSON).body(Map.of("ids", List.of(head)))
                .post("/api/outbox/parked/replay").then().statusCode(200).body("replayed", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            relay.relayRound();
            assertThat(relay.parked()).isZero();
        });
        given().get("/q/health/well").then().statusCode(200);
    }

    @Test
    @DisplayName("only the city operator lists and replays parked events: 403 for others, 401 without a token, 400 for a bad page")
    void whoMay() {
        given().auth().oauth2(DISTRICT).get("/api/outbox/parked").then().statusCode(403);
        given().auth().oauth2(DISTRICT).contentType(ContentType.JSON).body(Map.of())
                .post("/api/outbox/parked/replay").then().statusCode(403);
        given().get("/api/outbox/parked").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/outbox/parked/replay").then().statusCode(401);
        given().auth().oauth2(CITY).queryParam("size", "lots").get("/api/outbox/parked").then().statusCode(400);
        given().auth().oauth2(CITY).queryParam("size", 0).get("/api/outbox/parked").then().statusCode(400);
        given().auth().oauth2(CITY).get("/api/outbox/parked").then().statusCode(200).body("size", equalTo(50));
    }

    private static List<Long> revisions(String code, int expected) {
        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(Topics.REGISTRY_COMMUNITIES, Duration.ofSeconds(30),
                records -> records.stream().filter(r -> code.equals(r.key())).count() >= expected);
        return read.stream().filter(r -> code.equals(r.key()))
                .map(r -> EventJson.read(r.value(), CommunitySnapshotV1.class).revision()).toList();
    }

    private static long unsent(String code) {
        return TestPostgres.count("select count(*) from outbox_message where sent_at is null and ce_subject = ?", code);
    }

    private static void shrinkPayload(UUID id, String code) throws SQLException {
        try (Connection connection = TestPostgres.connect();
             PreparedStatement update = connection.prepareStatement("update outbox_message set payload = ? where id = ?")) {
            update.setObject(1, EventJson.write(Communities.snapshot(code, "fixed", 1)), Types.OTHER);
            update.setObject(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}

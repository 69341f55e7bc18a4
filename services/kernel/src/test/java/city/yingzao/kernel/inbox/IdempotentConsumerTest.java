package city.yingzao.kernel.inbox;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.Topics;
import city.yingzao.kernel.testapp.Communities;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@DisplayName("Idempotent consumer")
class IdempotentConsumerTest {

    private static final String TYPE = "city.yingzao.registry.CommunitySnapshot.v1";

    @Test
    @DisplayName("an event delivered twice is applied once")
    void duplicateDeliveryAppliedOnce() {
        String code = Communities.freshCode();
        String eventId = UUID.randomUUID().toString();

        send(code, "水井坊社区", 1, eventId);
        send(code, "水井坊社区", 1, eventId);
        send(code, "水井坊社区", 2, UUID.randomUUID().toString()); // a later event: once it is applied, both earlier deliveries were handled

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(code) == 2L);
        assertThat(seen(code)).isEqualTo(2L);
    }

    @Test
    @DisplayName("an event that keeps failing goes to <topic>.dlq after its retries, and the partition keeps flowing")
    void poisonGoesToDeadLetterTopic() {
        String code = Communities.freshCode();
        String poisonId = UUID.randomUUID().toString();

        send(code, "POISON", 1, poisonId);
        send(code, "healthy", 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(code) == 1L);
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(Topics.deadLetterOf(Topics.REGISTRY_COMMUNITIES),
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> poisonId.equals(TestKafka.header(r, "ce_id"))));
        assertThat(dead).anyMatch(r -> poisonId.equals(TestKafka.header(r, "ce_id")) && code.equals(r.key()));
        assertThat(seenName(code)).isEqualTo("healthy");
    }

    @Test
    @DisplayName("a record without an event id is dead-lettered at once, never applied")
    void recordWithoutIdIsDeadLettered() {
        String code = Communities.freshCode();

        TestKafka.send(Topics.REGISTRY_COMMUNITIES, code, EventJson.write(Communities.snapshot(code, "no id", 1)), Map.of("ce_type", TYPE));
        send(code, "with id", 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(code) == 1L);
        assertThat(seenName(code)).isEqualTo("with id");
    }

    private static void send(String code, String name, long revision, String eventId) {
        TestKafka.send(Topics.REGISTRY_COMMUNITIES, code, EventJson.write(Communities.snapshot(code, name, revision)),
                Map.of("ce_id", eventId, "ce_type", TYPE, "ce_subject", code, "ce_specversion", "1.0", "ce_source", "/test"));
    }

    private static long seen(String code) {
        return TestPostgres.count("select count(*) from seen_community where code = ?", code);
    }

    private static String seenName(String code) {
        return (String) TestPostgres.queryValue("select name from seen_community where code = ? order by revision desc", code);
    }
}

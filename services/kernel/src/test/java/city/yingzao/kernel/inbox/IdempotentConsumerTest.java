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

    static final String TYPE = "city.yingzao.registry.CommunitySnapshot.v1";
    static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.REGISTRY_COMMUNITIES, "kernel-test");

    @Test
    @DisplayName("an event delivered twice is applied once")
    void duplicateDeliveryAppliedOnce() {
        String code = Communities.freshCode();
        String eventId = UUID.randomUUID().toString();

        send(code, "水井坊社区", 1, eventId);
        send(code, "水井坊社区", 1, eventId);
        send(code, "水井坊社区", 2, UUID.randomUUID().toString()); // once this one is applied, both earlier deliveries were handled

        await().atMost(Duration.ofSeconds(30)).until(() -> seenRevision(code, 2) == 1L);
        assertThat(seenRevision(code, 1)).as("the effect of the event delivered twice").isEqualTo(1L);
    }

    @Test
    @DisplayName("an event that keeps failing for no known reason is retried, then goes to <topic>.<service>.dlq, and the partition keeps flowing")
    void poisonGoesToDeadLetterTopic() {
        String code = Communities.freshCode();
        String poisonId = UUID.randomUUID().toString();

        send(code, "POISON", 1, poisonId);
        send(code, "healthy", 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(code) == 1L);
        ConsumerRecord<String, String> dead = deadLetter(poisonId);
        assertThat(dead.key()).isEqualTo(code);
        assertThat(TestKafka.header(dead, DeadLetters.REASON)).startsWith("UNKNOWN");
        assertThat(TestKafka.header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.REGISTRY_COMMUNITIES);
        assertThat(TestKafka.header(dead, DeadLetters.CONSUMER)).isEqualTo("kernel-test");
        assertThat(seenName(code)).isEqualTo("healthy");
    }

    @Test
    @DisplayName("an event a rule refuses is dead-lettered at once, naming the rule")
    void refusedByRuleIsDeadLetteredAtOnce() {
        String code = Communities.freshCode();
        String refusedId = UUID.randomUUID().toString();

        send(code, "REFUSED", 1, refusedId);

        ConsumerRecord<String, String> dead = deadLetter(refusedId);
        assertThat(TestKafka.header(dead, DeadLetters.REASON)).startsWith("PERMANENT").contains("P1");
        assertThat(seen(code)).isZero();
    }

    @Test
    @DisplayName("a record without an event id is dead-lettered at once, never applied")
    void recordWithoutIdIsDeadLettered() {
        String code = Communities.freshCode();

        TestKafka.send(Topics.REGISTRY_COMMUNITIES, code, EventJson.write(Communities.snapshot(code, "no id", 1)), Map.of("ce_type", TYPE));
        send(code, "with id", 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(code) == 1L);
        assertThat(seenName(code)).isEqualTo("with id");
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(DEAD_LETTERS, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> code.equals(r.key())));
        assertThat(dead).anyMatch(r -> code.equals(r.key()) && TestKafka.header(r, DeadLetters.REASON).contains("no ce_id"));
    }

    static ConsumerRecord<String, String> deadLetter(String eventId) {
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(DEAD_LETTERS, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> eventId.equals(TestKafka.header(r, "ce_id"))));
        return dead.stream().filter(r -> eventId.equals(TestKafka.header(r, "ce_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + eventId));
    }

    static void send(String code, String name, long revision, String eventId) {
        TestKafka.send(Topics.REGISTRY_COMMUNITIES, code, EventJson.write(Communities.snapshot(code, name, revision)),
                Map.of("ce_id", eventId, "ce_type", TYPE, "ce_subject", code, "ce_specversion", "1.0", "ce_source", "/test"));
    }

    static long seen(String code) {
        return TestPostgres.count("select count(*) from seen_community where code = ?", code);
    }

    static long seenRevision(String code, long revision) {
        return TestPostgres.count("select count(*) from seen_community where code = ? and revision = ?", code, revision);
    }

    static String seenName(String code) {
        return (String) TestPostgres.queryValue("select name from seen_community where code = ? order by revision desc limit 1", code);
    }
}

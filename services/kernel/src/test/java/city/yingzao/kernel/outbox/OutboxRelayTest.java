package city.yingzao.kernel.outbox;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.testapp.Communities;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@DisplayName("Transactional outbox")
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    @DisplayName("an event written with its state change reaches Kafka with CloudEvents headers, keyed and partitioned by community")
    void publishedWithCloudEventsHeaders() {
        String code = Communities.freshCode();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.append(Communities.snapshot(code, "水井坊社区", 1)));

        ConsumerRecord<String, String> record = readCommunity(code, 1).get(0);

        assertThat(record.key()).isEqualTo(code);
        assertThat(TestKafka.header(record, "ce_id")).isEqualTo(id.toString());
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo("city.yingzao.registry.CommunitySnapshot.v1");
        assertThat(TestKafka.header(record, "ce_source")).isEqualTo("/yingzao/kernel-test");
        assertThat(TestKafka.header(record, "ce_subject")).isEqualTo(code);
        assertThat(TestKafka.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestKafka.header(record, "ce_time")).isNotBlank();
        assertThat(city.yingzao.contracts.EventJson.read(record.value(), CommunitySnapshotV1.class))
                .isEqualTo(Communities.snapshot(code, "水井坊社区", 1));
        int partitions = TestKafka.partitionCount(Topics.REGISTRY_COMMUNITIES);
        assertThat(record.partition())
                .isEqualTo(Utils.toPositive(Utils.murmur2(code.getBytes(StandardCharsets.UTF_8))) % partitions);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(id) != null);
    }

    @Test
    @DisplayName("an event whose transaction rolls back is never written, so never published")
    void rolledBackEventIsNeverPublished() {
        String code = Communities.freshCode();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(Communities.snapshot(code, "rolled back", 1));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outboxRowsFor(code)).isZero();
    }

    @Test
    @DisplayName("appending outside a transaction is refused: there is no state change to commit with")
    void appendNeedsATransaction() {
        assertThatThrownBy(() -> outbox.append(Communities.snapshot(Communities.freshCode(), "no tx", 1)))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    @DisplayName("the events of one community arrive in the order they were committed")
    void orderPerCommunity() {
        String code = Communities.freshCode();
        LongStream.rangeClosed(1, 40).forEach(revision -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(Communities.snapshot(code, "revision " + revision, revision))));

        List<ConsumerRecord<String, String>> records = readCommunity(code, 40);

        assertThat(records).extracting(r -> revisionOf(r.value()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    @DisplayName("a batch appended in one transaction is published in the order given")
    void batchKeepsOrder() {
        String code = Communities.freshCode();
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(LongStream.rangeClosed(1, 25)
                .mapToObj(revision -> Communities.snapshot(code, "batch " + revision, revision)).toList()));

        List<ConsumerRecord<String, String>> records = readCommunity(code, 25);

        assertThat(records).extracting(r -> revisionOf(r.value()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    @DisplayName("the pending count is exported as a metric and falls to zero once everything is relayed")
    void pendingMetric() {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Communities.snapshot(Communities.freshCode(), "m", 1)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            relay.relayRound();
            assertThat(relay.pending()).isZero();
        });
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("yingzao_outbox_pending"));
    }

    private static List<ConsumerRecord<String, String>> readCommunity(String code, int expected) {
        List<ConsumerRecord<String, String>> mine = TestKafka.readUntil(Topics.REGISTRY_COMMUNITIES, Duration.ofSeconds(30),
                        read -> read.stream().filter(r -> code.equals(r.key())).count() >= expected)
                .stream().filter(r -> code.equals(r.key())).toList();
        assertThat(mine).hasSize(expected);
        return mine;
    }

    private static long revisionOf(String json) {
        return city.yingzao.contracts.EventJson.read(json, CommunitySnapshotV1.class).revision();
    }

    private static Object sentAt(UUID id) {
        return TestPostgres.queryValue("select sent_at from outbox_message where id = ?", id);
    }

    private static long outboxRowsFor(String code) {
        return TestPostgres.count("select count(*) from outbox_message where ce_subject = ?", code);
    }
}

package city.yingzao.kernel.outbox;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.testapp.Communities;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay with this module's test settings: batches of 50 and a poll interval of one second, so
 * one community's events span several batches and a relay that waited for the poll between full
 * batches would need 40 seconds for 2,000 events.
 */
@QuarkusTest
@DisplayName("Outbox relay: order across batches, backlog without idle waits")
class OutboxThroughputTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Test
    @DisplayName("each community's events arrive in commit order although they span several batches")
    void orderAcrossBatches() {
        assertThat(config.batchSize()).isEqualTo(50);
        List<String> codes = List.of(Communities.freshCode(), Communities.freshCode(), Communities.freshCode());
        int perCommunity = 130;
        // 13 transactions, each with 10 events of every community, interleaved
        for (int tx = 0; tx < perCommunity / 10; tx++) {
            int first = tx * 10 + 1;
            QuarkusTransaction.requiringNew().run(() -> {
                List<CommunitySnapshotV1> events = new ArrayList<>();
                for (int revision = first; revision < first + 10; revision++) {
                    for (String code : codes) {
                        events.add(Communities.snapshot(code, "revision " + revision, revision));
                    }
                }
                outbox.appendAll(events);
            });
        }

        Set<String> mine = Set.copyOf(codes);
        List<ConsumerRecord<String, String>> read = TestKafka.readUntil(Topics.REGISTRY_COMMUNITIES, Duration.ofSeconds(60),
                records -> records.stream().filter(r -> mine.contains(r.key())).count() >= 3L * perCommunity);
        Map<String, List<Long>> revisions = read.stream().filter(r -> mine.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> EventJson.read(r.value(), CommunitySnapshotV1.class).revision(), Collectors.toList())));

        List<Long> expected = LongStream.rangeClosed(1, perCommunity).boxed().toList();
        codes.forEach(code -> assertThat(revisions.get(code)).as(code).containsExactlyElementsOf(expected));
    }

    @Test
    @DisplayName("a backlog of 2,000 events (40 full batches) drains without waiting for the poll interval between batches")
    void backlogDrainsWithoutIdleWait() {
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        List<String> codes = IntStream.range(0, 20).mapToObj(i -> Communities.freshCode()).toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(codes.stream()
                .flatMap(code -> LongStream.rangeClosed(1, 100).mapToObj(revision -> Communities.snapshot(code, "backlog", revision)))
                .toList()));
        Object[] subjects = codes.toArray();

        // waiting one poll interval after each full batch would take at least 40 s
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> unsent(subjects) == 0);
    }

    private static long unsent(Object[] subjects) {
        try (var connection = TestPostgres.connect();
             var count = connection.prepareStatement(
                     "select count(*) from outbox_message where sent_at is null and ce_subject = any(?)")) {
            count.setArray(1, connection.createArrayOf("varchar", subjects));
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package city.yingzao.replica;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.kernel.inbox.DeadLetters;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.replica.infrastructure.messaging.CommunitySnapshots;
import city.yingzao.replica.infrastructure.messaging.HouseholdSnapshots;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static city.yingzao.replica.RegistryFeed.community;
import static city.yingzao.replica.RegistryFeed.household;
import static city.yingzao.replica.RegistryFeed.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@DisplayName("Batched consumption: a poll in one transaction, poison dead-lettered alone, replay rebuilds the same state")
class BatchedConsumptionTest {

    static final String HOUSEHOLD_DEAD_LETTERS = Topics.deadLetterOf(Topics.REGISTRY_HOUSEHOLDS, "replica-test");

    @Inject
    RegistryReplica replica;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CommunitySnapshots communities;

    @Inject
    HouseholdSnapshots households;

    @Test
    @DisplayName("an unreadable record and one its table refuses go to <topic>.<service>.dlq while the rest of the poll commits")
    void poisonDeadLetteredWhileTheRestCommits() {
        String code = RegistryFeed.freshCommunity();
        String unreadable = null;
        String refused = null;
        for (int i = 1; i <= 200; i++) {
            if (i == 70) {
                unreadable = RegistryFeed.publishUnreadable(code, "H-BAD");
            } else if (i == 140) {
                refused = publish(new HouseholdSnapshotV1("H-NOGROUP", code, null, null, true, 1, null)); // group is required
            } else {
                publish(household(code, "H%04d".formatted(i), true, 1));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> replica.householdCounts(code).listed() == 198);
        String unreadableId = unreadable;
        String refusedId = refused;
        List<ConsumerRecord<String, String>> dead = TestKafka.readUntil(HOUSEHOLD_DEAD_LETTERS, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> code.equals(TestKafka.header(r, "ce_subject"))).count() >= 2);
        assertThat(dead).filteredOn(r -> unreadableId.equals(TestKafka.header(r, "ce_id")))
                .singleElement().satisfies(r -> assertThat(TestKafka.header(r, DeadLetters.REASON)).contains("not a valid"));
        assertThat(dead).filteredOn(r -> refusedId.equals(TestKafka.header(r, "ce_id")))
                .singleElement().satisfies(r -> assertThat(TestKafka.header(r, DeadLetters.REASON)).startsWith("PERMANENT"));
    }

    @Test
    @DisplayName("the same snapshots delivered again under the same ids change nothing, and every id is recorded once")
    void redeliveryOfAPollChangesNothing() {
        String code = RegistryFeed.freshCommunity();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            ids.add(publish(household(code, "H%04d".formatted(i), true, 1)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.householdCounts(code).listed() == 50);
        for (int i = 1; i <= 50; i++) {
            publish(household(code, "H%04d".formatted(i), false, 1), ids.get(i - 1)); // a changed payload under the old id: a duplicate
        }
        publish(household(code, "H9999", true, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.householdCounts(code).listed() == 51);
        assertThat(replica.householdCounts(code).active()).as("the duplicates were skipped by their ids").isEqualTo(51);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) ids.toArray(String[]::new))).isEqualTo(50);
    }

    @Test
    @DisplayName("a replay of the topics from the beginning into an empty replica rebuilds the same state")
    void replayRebuildsTheSameState() throws SQLException {
        String code = RegistryFeed.freshCommunity();
        publish(community(code, "水井坊社区", 1));
        publish(community(code, "水井坊社区", 2));
        for (int i = 1; i <= 30; i++) {
            publish(household(code, "H%04d".formatted(i), true, 1));
        }
        publish(household(code, "H0007", false, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.householdCounts(code).active() == 29);
        String before = dump(code);

        List<ConsumerRecord<String, String>> communityLog = TestKafka.readAll(Topics.REGISTRY_COMMUNITIES);
        List<ConsumerRecord<String, String>> householdLog = TestKafka.readAll(Topics.REGISTRY_HOUSEHOLDS);
        communityLog.removeIf(r -> !code.equals(TestKafka.header(r, "ce_subject")));
        householdLog.removeIf(r -> !code.equals(TestKafka.header(r, "ce_subject")));
        forget(code);
        assertThat(dump(code)).isEqualTo("communities: groups: courtyards: households:");

        consumer.applyBatch(householdLog, households); // households first: arrival order across topics is not promised
        consumer.applyBatch(communityLog, communities);

        assertThat(dump(code)).isEqualTo(before);
    }

    /** The replica's rows of one community, as text. */
    static String dump(String code) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String[] table : new String[][] {
                {"communities", "select code, name, kind, district_code, district_tier, street_code, registered_households, stage, revision from replica_community where code = ?"},
                {"groups", "select code, name from replica_group where community_code = ? order by code"},
                {"courtyards", "select code, name, group_code from replica_courtyard where community_code = ? order by code"},
                {"households", "select code, group_code, courtyard_code, active, revision from replica_household where community_code = ? order by code"}}) {
            out.append(table[0]).append(':');
            try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(table[1])) {
                s.setString(1, code);
                try (var rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append(i < columns ? "," : ";");
                        }
                    }
                }
            }
            out.append(table[0].equals("households") ? "" : " ");
        }
        return out.toString();
    }

    /** Empties the replica of one community and forgets the ids of its events, as a rebuilt replica starts. */
    static void forget(String code) throws SQLException {
        try (Connection c = TestPostgres.connect()) {
            for (String sql : List.of(
                    "delete from processed_event where event_id = any(?::uuid[])",
                    "delete from replica_group where community_code = ?", "delete from replica_courtyard where community_code = ?",
                    "delete from replica_community where code = ?", "delete from replica_household where community_code = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    if (sql.contains("uuid[]")) {
                        s.setArray(1, c.createArrayOf("varchar", idsOf(code).toArray()));
                    } else {
                        s.setString(1, code);
                    }
                    s.executeUpdate();
                }
            }
        }
    }

    private static List<String> idsOf(String code) {
        List<String> ids = new ArrayList<>();
        for (String topic : List.of(Topics.REGISTRY_COMMUNITIES, Topics.REGISTRY_HOUSEHOLDS)) {
            TestKafka.readAll(topic).stream()
                    .filter(r -> code.equals(TestKafka.header(r, "ce_subject")))
                    .forEach(r -> ids.add(TestKafka.header(r, "ce_id")));
        }
        return ids;
    }
}

package city.yingzao.systemtests;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay when the service that relays is killed outright ({@code kill -9}: no shutdown,
 * nothing flushed) while a burst is on its way, again and again: the rows of the registry's outbox
 * that were published but not yet marked sent are published once more after the restart, with the
 * same {@code ce_id} (consumers skip those); nothing is lost; each community's events keep their
 * order (first occurrences). The rows go to a topic of their own, so that no consumer of the other
 * tests sees them; the relay itself does not know the difference.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("The outbox relay while its service is killed (kill -9) and restarted mid-burst")
class ServiceKillDuringRelayIT {

    private static final String TOPIC = "systemtests.relay-kill";
    private static final int COMMUNITIES = 60;
    private static final int PER_COMMUNITY = 500;
    private static final int EVENTS = COMMUNITIES * PER_COMMUNITY;
    private static final int KILLS = 3;

    @Test
    @DisplayName("30,000 events, the registry killed 3 times while relaying them: every event on the topic, duplicates only as repeated ce_id, order per community kept")
    void nothingLostAcrossKills(SystemUnderTest sut) throws Exception {
        sut.registryUrl(); // the registry runs (and relays) before the burst
        KafkaBroker kafka = sut.kafka();
        createTopic(kafka.bootstrapServers());
        String jdbc = sut.jdbcUrl("registry");

        List<UUID> ids = new ArrayList<>(EVENTS);
        Map<UUID, String> communityOf = new HashMap<>();
        Map<UUID, Integer> positionOf = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbc, TestPostgres.USER, TestPostgres.PASSWORD)) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into outbox_message (id, topic, record_key, partition_key, ce_type, ce_subject, payload, occurred_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                // interleaved as many writers would commit them: position 1 of every community, then 2, ...
                for (int position = 1; position <= PER_COMMUNITY; position++) {
                    for (int c = 0; c < COMMUNITIES; c++) {
                        String community = "K" + (510104100 + c);
                        UUID id = UUID.randomUUID();
                        ids.add(id);
                        communityOf.put(id, community);
                        positionOf.put(id, position);
                        insert.setObject(1, id);
                        insert.setString(2, TOPIC);
                        insert.setString(3, community);
                        insert.setString(4, community);
                        insert.setString(5, "city.yingzao.systemtests.RelayProbe.v1");
                        insert.setString(6, community);
                        insert.setObject(7, "{\"community\":\"" + community + "\",\"position\":" + position
                                + ",\"padding\":\"" + "x".repeat(200) + "\"}", Types.OTHER);
                        insert.setTimestamp(8, now);
                        insert.addBatch();
                    }
                    if (position % 50 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            long t0 = System.nanoTime();

            // kill the relaying service whenever it has marked some of the burst and not all of it
            List<String> kills = new ArrayList<>();
            long sentAtLastStart = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (kills.size() < KILLS && System.nanoTime() < deadline) {
                long sent = sent(db);
                if (sent >= EVENTS) {
                    break;
                }
                if (sent > sentAtLastStart) {
                    long tKill = System.nanoTime();
                    sut.killAndRestart("registry");
                    long afterRestart = sent(db);
                    kills.add(String.format("kill at %,d sent (%.1f s), ready again %.1f s later at %,d sent",
                            sent, (tKill - t0) / 1e9, (System.nanoTime() - tKill) / 1e9, afterRestart));
                    sentAtLastStart = afterRestart;
                } else {
                    Thread.sleep(20);
                }
            }
            while (sent(db) < EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long tDrained = System.nanoTime();
            long sent = sent(db);
            assertThat(sent).as("outbox rows marked sent within 300 s\n%s", sut.logTail("registry", 40)).isEqualTo(EVENTS);

            Set<String> wanted = new HashSet<>();
            ids.forEach(id -> wanted.add(id.toString()));
            List<ConsumerRecord<String, String>> read = TestKafka.readUntil(kafka.bootstrapServers(), TOPIC, Duration.ofSeconds(120),
                    r -> r.stream().map(x -> TestKafka.header(x, CloudEventHeaders.ID)).filter(wanted::contains).distinct().count() == EVENTS);

            Map<String, Integer> occurrences = new HashMap<>();
            Map<String, List<Integer>> firstPositions = new LinkedHashMap<>();
            List<String> strangers = new ArrayList<>();
            for (ConsumerRecord<String, String> r : read) {
                String ceId = TestKafka.header(r, CloudEventHeaders.ID);
                if (ceId == null || !wanted.contains(ceId)) {
                    strangers.add(r.key() + "@" + r.partition() + "/" + r.offset());
                    continue;
                }
                UUID id = UUID.fromString(ceId);
                assertThat(r.key()).isEqualTo(communityOf.get(id));
                if (occurrences.merge(ceId, 1, Integer::sum) == 1) {
                    firstPositions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(positionOf.get(id));
                }
            }
            long duplicates = occurrences.values().stream().mapToLong(n -> n - 1).sum();
            Set<String> missing = new HashSet<>(wanted);
            missing.removeAll(occurrences.keySet());

            System.out.printf("""
                    [system-tests] service kill during relay:
                      %,d outbox rows (%d communities x %d) committed at once; %d kill(s) of the registry:
                        %s
                      all marked sent %.1f s after the commit; %,d records on %s, %,d duplicates (repeated ce_id), %d missing
                    """, EVENTS, COMMUNITIES, PER_COMMUNITY, kills.size(), String.join("\n    ", kills),
                    (tDrained - t0) / 1e9, read.size(), TOPIC, duplicates, missing.size());

            assertThat(kills).as("the registry was killed at least once while relaying").isNotEmpty();
            assertThat(strangers).as("records that are not one of the burst's events").isEmpty();
            assertThat(missing).as("outbox events never published (lost)").isEmpty();
            // a duplicate is the same event again: same ce_id (counted above), never a new id
            assertThat(occurrences).hasSize(EVENTS);
            // first occurrences of each community's events keep the commit order
            assertThat(firstPositions).hasSize(COMMUNITIES).allSatisfy((community, positions) -> assertThat(positions)
                    .as("positions of %s's events, first occurrences in topic order", community)
                    .isSorted().hasSize(PER_COMMUNITY));
        }
    }

    private static long sent(Connection db) throws Exception {
        try (PreparedStatement count = db.prepareStatement(
                "select count(*) from outbox_message where topic = ? and sent_at is not null")) {
            count.setString(1, TOPIC);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void createTopic(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}

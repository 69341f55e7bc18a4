package city.yingzao.replica;

import city.yingzao.contracts.Topics;
import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static city.yingzao.replica.RegistryFeed.household;
import static city.yingzao.replica.RegistryFeed.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@DisplayName("A database outage is waited out: nothing dead-lettered, every effect exactly once")
class DatabaseOutageTest {

    @Inject
    RegistryReplica replica;

    @Test
    @DisplayName("PostgreSQL stopped for 30 s under a stream of household snapshots, then restarted")
    void outageUnderAStreamOfEvents() {
        String code = RegistryFeed.freshCommunity();
        int events = 3_000;
        List<String> ids = new ArrayList<>();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= events; i++) {
                synchronized (ids) {
                    ids.add(publish(household(code, "H%05d".formatted(i), true, 1)));
                }
                if (i % 100 == 0) {
                    pause(100); // about 1,000 events/s over 3 s, then the rest while the database is away
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.householdCounts(code).listed() > 0);

        TestPostgres.outage(Duration.ofSeconds(30));
        stream.join();

        await().atMost(Duration.ofSeconds(120)).until(() -> replica.householdCounts(code).listed() == events);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) ids.toArray(String[]::new))).as("every event recorded once").isEqualTo(events);
        assertThat(TestKafka.readAll(Topics.deadLetterOf(Topics.REGISTRY_HOUSEHOLDS, "replica-test"))).noneMatch(r -> code.equals(TestKafka.header(r, "ce_subject")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

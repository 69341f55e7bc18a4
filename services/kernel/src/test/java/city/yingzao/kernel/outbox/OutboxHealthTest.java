package city.yingzao.kernel.outbox;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Outbox wellness")
class OutboxHealthTest {

    /** A relay whose rounds have been failing since a given moment (null: healthy). */
    private static OutboxHealth healthOf(Instant failingSince) {
        return healthOf(failingSince, 0);
    }

    /** A relay as above, with some parked events. */
    private static OutboxHealth healthOf(Instant failingSince, long parked) {
        OutboxHealth health = new OutboxHealth();
        health.relay = new OutboxRelay() {
            @Override
            public long parked() {
                return parked;
            }

            @Override
            public Instant failingSince() {
                return failingSince;
            }

            @Override
            public String lastError() {
                return "broker unreachable";
            }
        };
        return health;
    }

    @Test
    @DisplayName("a healthy relay is UP")
    void healthy() {
        assertThat(healthOf(null).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    @DisplayName("a few seconds of failed rounds are tolerated: the broker may be restarting")
    void briefOutage() {
        assertThat(healthOf(Instant.now().minusSeconds(5)).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    @DisplayName("rounds failing for longer than a minute make the outbox DOWN, with the last error")
    void longOutage() {
        HealthCheckResponse response = healthOf(Instant.now().minus(Duration.ofMinutes(2))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("lastError", "broker unreachable"));
    }

    @Test
    @DisplayName("a parked event makes the outbox DOWN, with how many are parked, although rounds succeed")
    void parkedEvents() {
        HealthCheckResponse response = healthOf(null, 2).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("parked", 2L));
    }
}

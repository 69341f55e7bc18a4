package city.yingzao.kernel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code /q/health/well}: whether events still leave the outbox. Not a readiness check on purpose:
 * while Kafka is away the service keeps accepting writes (they wait in the outbox), so it must stay
 * in rotation; operators alert on this instead. DOWN when rounds keep failing for longer than
 * {@link #TOLERATED}, and while any event is parked (it waits for an operator's replay,
 * {@code POST /api/outbox/parked/replay}).
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    /** How long rounds may keep failing before the outbox is reported down. */
    static final Duration TOLERATED = Duration.ofMinutes(1);

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        Instant failingSince = relay.failingSince();
        long parked = relay.parked();
        boolean relaying = failingSince == null || failingSince.isAfter(Instant.now().minus(TOLERATED));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .withData("pending", relay.pending())
                .withData("parked", parked)
                .status(relaying && parked == 0);
        if (failingSince != null) {
            response.withData("failingSince", failingSince.toString()).withData("lastError", String.valueOf(relay.lastError()));
        }
        return response.build();
    }
}

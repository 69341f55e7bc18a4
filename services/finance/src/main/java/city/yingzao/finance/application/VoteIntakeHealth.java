package city.yingzao.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /q/health/live}: the vote intake's writer thread is alive. Without it no ballot would ever be
 * answered, so a pod whose writer stopped is restarted rather than left taking requests.
 */
@Liveness
@ApplicationScoped
public class VoteIntakeHealth implements HealthCheck {

    @Inject
    VoteIntake intake;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("vote-intake")
                .status(intake.writerAlive())
                .withData("queued", intake.queued())
                .withData("capacity", intake.capacity())
                .build();
    }
}

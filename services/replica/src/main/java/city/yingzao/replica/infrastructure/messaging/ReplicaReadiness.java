package city.yingzao.replica.infrastructure.messaging;

import city.yingzao.contracts.Topics;
import city.yingzao.kernel.inbox.CatchUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * {@code /q/health/ready}: a service answers from its replica only once the replica has caught up
 * to where the registry's topics ended when the service started (a new service, or one rebuilding
 * its replica from the compacted topics, is not put in rotation with half a city).
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    @Inject
    CatchUp catchUp;

    @ConfigProperty(name = "mp.messaging.incoming.registry-communities.group.id")
    String group;

    @Override
    public HealthCheckResponse call() {
        CatchUp.Status status = catchUp.status(group, List.of(Topics.REGISTRY_COMMUNITIES, Topics.REGISTRY_HOUSEHOLDS,
                Topics.REGISTRY_ORGANISATIONS));
        return HealthCheckResponse.named("registry-replica")
                .status(status.caughtUp())
                .withData("remaining", status.remaining())
                .withData("detail", status.detail())
                .build();
    }
}

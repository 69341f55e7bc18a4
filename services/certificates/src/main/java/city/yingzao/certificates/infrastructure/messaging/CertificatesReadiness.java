package city.yingzao.certificates.infrastructure.messaging;

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
 * {@code /q/health/ready}: a service assigns certified people only once its copy has caught up to
 * where {@code training.certifications} ended when it started, so a revocation already published
 * is never missed by a replica that has just started.
 */
@Readiness
@ApplicationScoped
public class CertificatesReadiness implements HealthCheck {

    @Inject
    CatchUp catchUp;

    @ConfigProperty(name = "mp.messaging.incoming.training-certifications.group.id")
    String group;

    @Override
    public HealthCheckResponse call() {
        CatchUp.Status status = catchUp.status(group, List.of(Topics.TRAINING_CERTIFICATIONS));
        return HealthCheckResponse.named("training-certifications")
                .status(status.caughtUp())
                .withData("remaining", status.remaining())
                .withData("detail", status.detail())
                .build();
    }
}

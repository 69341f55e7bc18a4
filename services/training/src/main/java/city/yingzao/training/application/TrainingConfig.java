package city.yingzao.training.application;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** {@code yingzao.training.*}: defaults of the operator settings and the service's own configuration. */
@ConfigMapping(prefix = "yingzao.training")
public interface TrainingConfig {

    SchemeDefaults evaluator();

    SchemeDefaults supervisor();

    Duration selfMarkCodeLifetime();

    Expiry expiry();

    /** Base64 of the 32-byte Ed25519 seed that signs exported credentials; made at start when absent (dev, test). */
    Optional<String> credentialKeySeed();

    String credentialIssuer();

    interface SchemeDefaults {
        int validityMonths();

        int recertificationWindowDays();

        int assessmentThreshold();
    }

    interface Expiry {
        String every();

        int batch();
    }
}

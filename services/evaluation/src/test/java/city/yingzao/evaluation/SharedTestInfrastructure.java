package city.yingzao.evaluation;

import city.yingzao.testing.YingzaoTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the one shared test infrastructure (real PostgreSQL, real Kafka, token keys) once for
 * the whole module, so Quarkus starts once for every {@code @QuarkusTest} class.
 */
@QuarkusTestResource(YingzaoTestInfrastructure.class)
public final class SharedTestInfrastructure {

    private SharedTestInfrastructure() {
    }
}

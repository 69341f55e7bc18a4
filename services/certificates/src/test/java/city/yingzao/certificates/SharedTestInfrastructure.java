package city.yingzao.certificates;

import city.yingzao.testing.YingzaoTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** The one shared test infrastructure of this module's test JVM, declared once. */
@QuarkusTestResource(YingzaoTestInfrastructure.class)
public final class SharedTestInfrastructure {

    private SharedTestInfrastructure() {
    }
}

package city.yingzao.registry.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@DisplayName("Every service serves health, metrics, OpenAPI and Swagger UI")
class ObservabilityApiTest {

    @ParameterizedTest(name = "{0} answers 200")
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/health/well", "/q/openapi", "/q/swagger-ui/"})
    void served(String path) {
        given().get(path).then().statusCode(200);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("/q/health/well reports the outbox and how many events wait")
    void outboxWellness() {
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.pending", org.hamcrest.Matchers.notNullValue());
    }

    @ParameterizedTest(name = "/q/metrics exports {0}")
    @ValueSource(strings = {"yingzao_outbox_pending", "http_server_requests_seconds", "jvm_memory_used_bytes"})
    void metrics(String metric) {
        given().get("/api/public/communities");
        given().get("/q/metrics").then().statusCode(200).body(containsString(metric));
    }
}

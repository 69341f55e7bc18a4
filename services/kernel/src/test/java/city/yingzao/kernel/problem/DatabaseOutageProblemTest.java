package city.yingzao.kernel.problem;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@DisplayName("While PostgreSQL restarts, requests get 503 problem details with Retry-After (never a 500), and the service recovers by itself")
class DatabaseOutageProblemTest {

    @Test
    @DisplayName("reads and writes during a 3 s restart of PostgreSQL: 200 or 503 problem+json, then 200 again without a restart")
    void outageAnswers503AndRecovers() throws Exception {
        given().get("/api/probe/database").then().statusCode(200);

        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> TestPostgres.outage(Duration.ofSeconds(3)));
        List<Response> during = new ArrayList<>();
        while (!outage.isDone()) {
            during.add(given().get("/api/probe/database"));
            during.add(given().post("/api/probe/database"));
            Thread.sleep(50);
        }
        outage.get();

        TreeMap<Integer, Long> byStatus = new TreeMap<>();
        during.forEach(r -> byStatus.merge(r.statusCode(), 1L, Long::sum));
        assertThat(byStatus).as("answers while PostgreSQL was away, by status").containsKey(503);
        assertThat(byStatus.keySet()).as("answers while PostgreSQL was away, by status").isSubsetOf(200, 503);
        for (Response r : during.stream().filter(r -> r.statusCode() == 503).toList()) {
            assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.jsonPath().getString("type")).isEqualTo(Problem.TYPE_PREFIX + "unavailable");
            assertThat(r.asString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("postgres");
        }

        // the pool drops the broken connections and opens new ones: no restart of the service
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int read;
        int write;
        do {
            read = given().get("/api/probe/database").statusCode();
            write = given().post("/api/probe/database").statusCode();
        } while ((read != 200 || write != 200) && System.nanoTime() < deadline && sleep());
        assertThat(read).as("a read after PostgreSQL is back").isEqualTo(200);
        assertThat(write).as("a write after PostgreSQL is back").isEqualTo(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}

package city.yingzao.deliberation.api;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Runs {@code deploy/demo/deliberation.py} against this service, with a token endpoint that mints
 * tokens shaped like the realm's demo users (same names, roles and claims), so the demo the lead
 * wires into {@code ./yingzao up} is proven with every API call it makes.
 */
@QuarkusTest
@DisplayName("The demo script")
class DemoScriptTest {

    private static final String COMMUNITY = "510104021001";

    @Test
    @DisplayName("D1-D9 deploy/demo/deliberation.py constitutes the council, holds a past meeting and adopts a resolution; a second run does nothing")
    void demo() throws Exception {
        Fixtures.publish(new CommunitySnapshotV1(COMMUNITY, "水井坊社区", "URBAN", "510104", "MAIN_URBAN", "510104021", 2350, 3,
                Fixtures.GROUPS.stream().map(g -> new CommunitySnapshotV1.ResidentGroup(g, g)).toList(), List.of(), 1, Instant.now()));
        IntStream.rangeClosed(1, 12).forEach(n -> Fixtures.publish(new HouseholdSnapshotV1(Fixtures.household(n), COMMUNITY,
                Fixtures.GROUPS.get((n - 1) % 5), null, true, 1, Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestPostgres.count("select count(*) from household_replica where community_code = ?", COMMUNITY) == 12);

        HttpServer keycloak = tokenEndpoint();
        try {
            String tokenUrl = "http://localhost:" + keycloak.getAddress().getPort() + "/token";
            String first = run(tokenUrl);
            assertThat(first).contains("constituted").contains("yes 18, no 1, abstain 1 of 25: PASSED").contains("adopted");
            given().queryParam("community", COMMUNITY).get("/api/public/resolutions").then().statusCode(200)
                    .body("[0].status", equalTo("ADOPTED")).body("[0].subjectType", equalTo("GENERAL"));
            as("/api/settings/publicity.days").then().body("value", equalTo("7"));
            assertThat(run(tokenUrl)).contains("exists already");
        } finally {
            keycloak.stop(0);
        }
    }

    private static io.restassured.response.Response as(String path) {
        return given().auth().oauth2(Fixtures.cityOperator()).get(path);
    }

    private static String run(String tokenUrl) throws Exception {
        Path script = Path.of("../../deploy/demo/deliberation.py").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("python3", script.toString(), "--url", "http://localhost:" + RestAssured.port,
                "--token-url", tokenUrl).redirectErrorStream(true).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** A password-grant endpoint answering tokens like the realm's demo users (deploy/keycloak). */
    private static HttpServer tokenEndpoint() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = List.of(form.split("&")).stream().map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            byte[] answer = ("{\"access_token\":\"" + demoUser(fields.get("username")) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String demoUser(String name) {
        TestTokens.Builder user = TestTokens.user(name);
        if (name.startsWith("council-member-")) {
            return user.roles("council-member", "resident").communities(COMMUNITY).sign();
        }
        if (name.startsWith("resident-")) {
            return user.roles("resident").communities(COMMUNITY).household(Fixtures.household(Integer.parseInt(name.substring(9)))).sign();
        }
        return switch (name) {
            case "city-operator" -> user.roles("city-operator").sign();
            case "community-staff" -> user.roles("community-staff").communities(COMMUNITY).district("510104").sign();
            case "party-reviewer" -> user.roles("party-reviewer").communities(COMMUNITY).sign();
            default -> user.sign();
        };
    }
}

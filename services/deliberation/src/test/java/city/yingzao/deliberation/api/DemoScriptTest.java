package city.yingzao.deliberation.api;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.testing.TestKafka;
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
import java.nio.file.Files;
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
    private static String community = COMMUNITY;

    @Test
    @DisplayName("D1-D9 deploy/demo/deliberation.py constitutes the council, holds a past meeting and adopts a resolution; a second run does nothing")
    void demo() throws Exception {
        community = COMMUNITY;
        replicate(COMMUNITY);
        HttpServer keycloak = tokenEndpoint();
        try {
            String tokenUrl = "http://localhost:" + keycloak.getAddress().getPort() + "/token";
            String first = run(tokenUrl);
            assertThat(first).contains("constituted").contains("yes 18, no 1, abstain 1 of 25: PASSED").contains("adopted")
                    .contains("public tally: 20 ballots, every voter found their choice: True");
            given().queryParam("community", COMMUNITY).get("/api/public/resolutions").then().statusCode(200)
                    .body("[0].status", equalTo("ADOPTED")).body("[0].subjectType", equalTo("GENERAL"));
            as("/api/settings/publicity.days").then().body("value", equalTo("7"));
            assertThat(run(tokenUrl)).contains("exists already");
        } finally {
            keycloak.stop(0);
        }
    }

    @Test
    @DisplayName("D9 with --subject-ref-file the demo's resolution is a FUND_PROJECT about the finance project, adopted and on Kafka")
    void fundProject() throws Exception {
        community = Fixtures.unique("C");
        replicate(community);
        Path projectFile = Files.createTempFile("finance-project", ".txt");
        Files.writeString(projectFile, "FP-" + community + "\n");
        HttpServer keycloak = tokenEndpoint();
        try {
            String tokenUrl = "http://localhost:" + keycloak.getAddress().getPort() + "/token";
            assertThat(run(tokenUrl, "--community", community, "--subject-ref-file", projectFile.toString())).contains("PASSED");
        } finally {
            keycloak.stop(0);
        }
        String resolution = given().queryParam("community", community).get("/api/public/resolutions").then()
                .body("[0].status", equalTo("ADOPTED")).body("[0].subjectType", equalTo("FUND_PROJECT"))
                .body("[0].subjectRef", equalTo("FP-" + community)).extract().path("[0].id");
        var read = TestKafka.readUntil(Topics.DELIBERATION_RESOLUTIONS, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> r.value().contains(resolution)));
        String payload = read.stream().filter(r -> r.value().contains(resolution)).findFirst().orElseThrow().value();
        assertThat(EventSchemas.violations(EventType.RESOLUTION_ADOPTED, payload)).isEmpty();
        ResolutionAdoptedV1 event = EventJson.read(payload, ResolutionAdoptedV1.class);
        assertThat(event.subjectType()).isEqualTo("FUND_PROJECT");
        assertThat(event.subjectRef()).isEqualTo("FP-" + community);
    }

    private static void replicate(String code) {
        Fixtures.publish(new CommunitySnapshotV1(code, "水井坊社区", "URBAN", "510104", "MAIN_URBAN", "510104021", 2350, 3,
                Fixtures.GROUPS.stream().map(g -> new CommunitySnapshotV1.ResidentGroup(g, g)).toList(), List.of(), 1, Instant.now()));
        IntStream.rangeClosed(1, 12).forEach(n -> Fixtures.publish(new HouseholdSnapshotV1(Fixtures.household(n), code,
                Fixtures.GROUPS.get((n - 1) % 5), null, true, 1, Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestPostgres.count("select count(*) from replica_household where community_code = ?", code) == 12
                        && TestPostgres.count("select count(*) from replica_community where code = ?", code) == 1);
    }

    private static io.restassured.response.Response as(String path) {
        return given().auth().oauth2(Fixtures.cityOperator()).get(path);
    }

    private static String run(String tokenUrl, String... more) throws Exception {
        Path script = Path.of("../../deploy/demo/deliberation.py").toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString(), "--url",
                "http://localhost:" + RestAssured.port, "--token-url", tokenUrl));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
            return user.roles("council-member", "resident").communities(community).sign();
        }
        if (name.startsWith("resident-")) {
            return user.roles("resident").communities(community).household(Fixtures.household(Integer.parseInt(name.substring(9)))).sign();
        }
        return switch (name) {
            case "city-operator" -> user.roles("city-operator").sign();
            case "community-staff" -> user.roles("community-staff").communities(community).district("510104").sign();
            case "party-reviewer" -> user.roles("party-reviewer").communities(community).sign();
            default -> user.sign();
        };
    }
}

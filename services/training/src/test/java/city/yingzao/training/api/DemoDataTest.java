package city.yingzao.training.api;

import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code deploy/demo/training.py} (what {@code ./yingzao up} loads) against this service, with a
 * stand-in for Keycloak's password grant that hands out this JVM's signed tokens for the demo users.
 */
@QuarkusTest
class DemoDataTest {

    static final Map<String, String> ROLES = Map.of("trainer", "trainer", "city-operator", "city-operator");

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("the demo script loads: a closed cohort, evaluator and supervisor certified, evaluator-expired expired, map profiles")
    void demoLoads() throws Exception {
        Path script = Path.of("../../deploy/demo/training.py");
        assertThat(script).exists();
        for (String code : new String[] {"510104021001", "510104021002", "510116005001", "510116005201", "510184110201"}) {
            Training.community(code, code.substring(0, 6));
        }
        HttpServer tokens = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        tokens.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String user = "";
            for (String pair : form.split("&")) {
                if (pair.startsWith("username=")) {
                    user = URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8);
                }
            }
            byte[] body = ("{\"access_token\":\"" + TestTokens.user(user).roles(ROLES.getOrDefault(user, user)).sign() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tokens.start();
        File log = Files.createTempFile("training-demo", ".log").toFile();
        try {
            Process p = new ProcessBuilder("python3", script.toString(), "--url", root.toString().replaceAll("/$", ""),
                    "--token-url", "http://localhost:" + tokens.getAddress().getPort() + "/token")
                    .redirectErrorStream(true).redirectOutput(log).start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(log.toPath());
            System.out.println(output);
            assertThat(p.exitValue()).as(output).isZero();
        } finally {
            tokens.stop(0);
        }
        for (String person : new String[] {"evaluator", "supervisor"}) {
            assertThat(TestPostgres.count("select count(*) from certificate where person_id = ? and status = 'ACTIVE'", person)).isEqualTo(1);
        }
        String expired = (String) TestPostgres.queryValue("select code from certificate where person_id = 'evaluator-expired'");
        RestAssured.get("/api/public/certificates/" + expired).then().statusCode(200).body("standing", equalTo("EXPIRED"));
        RestAssured.get("/api/public/map/communities/510184110201").then().statusCode(200).body("profile.name", equalTo("社区 510184110201"));
        assertThat(TestPostgres.count("select count(*) from training_session where status = 'CLOSED' and title like '社区营造通识课%'"))
                .isGreaterThanOrEqualTo(1);
    }
}

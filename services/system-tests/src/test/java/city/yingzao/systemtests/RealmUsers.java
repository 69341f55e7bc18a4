package city.yingzao.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Users of realm yingzao made for one test through Keycloak's admin REST API (as the bootstrap admin of realm
 * master), with realm roles and the scope attributes ({@code community}, {@code district}, {@code household},
 * {@code org}) only an administrator sets, and the demo password, so that {@link SystemUnderTest#token(String)}
 * gets their tokens through the real password grant. A user of the same name left by a killed run is deleted
 * first; {@link #deleteAll()} removes what this instance made.
 */
final class RealmUsers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> created = new ArrayList<>();
    private String token;
    private long tokenAt;

    RealmUsers(String realmUrl) {
        this.keycloakUrl = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    /** A person of the realm: a login name, a display name, realm roles and scope attributes. */
    synchronized void create(String username, String firstName, String lastName, List<String> roles, Map<String, List<String>> attributes) {
        JsonNode found = get("/users?exact=true&username=" + enc(username));
        for (JsonNode old : found) {
            send(request("/users/" + old.path("id").asText()).DELETE(), 204);
        }
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("enabled", true).put("email", username + "@yingzao.local")
                .put("emailVerified", true).put("firstName", firstName).put("lastName", lastName);
        ObjectNode attrs = user.putObject("attributes");
        attributes.forEach((k, v) -> {
            ArrayNode values = attrs.putArray(k);
            v.forEach(values::add);
        });
        user.putArray("credentials").addObject().put("type", "password").put("value", SystemUnderTest.DEMO_PASSWORD)
                .put("temporary", false);
        send(request("/users").POST(HttpRequest.BodyPublishers.ofString(user.toString())), 201);
        String id = get("/users?exact=true&username=" + enc(username)).get(0).path("id").asText();
        created.add(id);
        ArrayNode mappings = JSON.createArrayNode();
        for (String role : roles) {
            mappings.add(get("/roles/" + enc(role)));
        }
        send(request("/users/" + id + "/role-mappings/realm").POST(HttpRequest.BodyPublishers.ofString(mappings.toString())), 204);
    }

    synchronized void deleteAll() {
        for (String id : created) {
            try {
                send(request("/users/" + id).DELETE(), 204);
            } catch (RuntimeException e) {
                System.err.println("[system-tests] could not delete user " + id + ": " + e);
            }
        }
        created.clear();
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(send(request(path).GET(), 200));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + KeycloakServer.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken()).header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    /** Admin tokens live 60 s: one is fetched again after 30 s. */
    private String adminToken() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(30).toNanos()) {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
            String body = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
            try {
                token = JSON.readTree(body).path("access_token").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

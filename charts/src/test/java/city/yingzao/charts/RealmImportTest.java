package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm the umbrella imports ({@code KeycloakRealmImport}, from {@code --set-file
 * keycloak.realm=deploy/keycloak/realm-yingzao.json}) is that file unchanged but for the portal
 * client's redirect URIs (its public URL instead of localhost), so it keeps the
 * identity settings the system tests prove on a real Keycloak ({@code IdentityThroughRealKeycloakIT}):
 * TLS from external addresses, brute-force detection, read-only scope attributes, one audience per
 * service in the tokens of {@code yingzao-cli}.
 */
class RealmImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCOPE_ATTRIBUTES = List.of("community", "district", "household", "org");

    private static JsonNode realmFile;
    private static List<JsonNode> imported;

    @BeforeAll
    static void render() throws IOException {
        realmFile = JSON.readTree(Files.readString(Charts.REALM));
        ChartWorkspace workspace = ChartWorkspace.copy("realm").withDependencies();
        imported = List.of(
            Charts.smallCity(workspace).named("KeycloakRealmImport", "yingzao-keycloak-realm-yingzao").at("/spec/realm"),
            Charts.city20m(workspace).named("KeycloakRealmImport", "yingzao-keycloak-realm-yingzao").at("/spec/realm"));
    }

    @Test
    @DisplayName("the imported realm is the realm file, value for value (one source for ./yingzao up, the system tests and the chart), but for the portal's redirect URIs")
    void importIsTheFile() {
        ObjectNode expected = realmFile.deepCopy();
        // the front door's client sends people back to its public URL only, not to the file's localhost
        ((ObjectNode) PortalChartTest.portalClient(expected)).set("redirectUris", JSON.createArrayNode().add("https://yingzao.example/*"));
        assertThat(PortalChartTest.portalClient(realmFile).path("redirectUris").toString()).contains("localhost");
        for (JsonNode realm : imported) {
            assertThat(realm).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("the portal is a confidential web-app client (code flow with PKCE S256, no password grant) whose tokens carry every service's audience")
    void portalClient() {
        for (JsonNode realm : imported) {
            JsonNode portal = PortalChartTest.portalClient(realm);
            assertThat(portal.path("publicClient").asBoolean(true)).isFalse();
            assertThat(portal.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
            assertThat(portal.path("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(portal.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
            assertThat(portal.path("implicitFlowEnabled").asBoolean(true)).isFalse();
            assertThat(portal.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
            assertThat(audiences(portal)).containsExactlyInAnyOrderElementsOf(serviceClients(realm));
        }
    }

    @Test
    @DisplayName("sslRequired external, brute-force detection on with a temporary lockout after 5 failures")
    void sslAndBruteForce() {
        for (JsonNode realm : imported) {
            assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
            assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
            assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
            assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
            assertThat(realm.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(realm.path("waitIncrementSeconds").asInt());
            assertThat(realm.path("minimumQuickLoginWaitSeconds").asInt()).isPositive();
        }
    }

    @Test
    @DisplayName("the user profile declares community, district, household and org: the user views them, only an administrator edits them; no unmanaged attributes")
    void scopeAttributesAreAdminEditOnly() throws IOException {
        for (JsonNode realm : imported) {
            JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider");
            assertThat(provider).hasSize(1);
            JsonNode profile = JSON.readTree(provider.get(0).at("/config/kc.user.profile.config/0").asText());
            assertThat(profile.path("unmanagedAttributePolicy").asText("DISABLED")).isIn("DISABLED", "ADMIN_VIEW", "ADMIN_EDIT");
            Map<String, String> permissions = new TreeMap<>();
            for (JsonNode attribute : profile.path("attributes")) {
                permissions.put(attribute.path("name").asText(), attribute.path("permissions").toString());
            }
            for (String name : SCOPE_ATTRIBUTES) {
                assertThat(permissions).as(name).containsEntry(name, "{\"view\":[\"admin\",\"user\"],\"edit\":[\"admin\"]}");
            }
        }
    }

    @Test
    @DisplayName("yingzao-cli's tokens carry the audience of every service client of the realm")
    void cliTokensCarryEveryServiceAudience() {
        for (JsonNode realm : imported) {
            List<String> services = serviceClients(realm);
            assertThat(services).contains("registry", "deliberation", "finance", "grants", "evaluation", "training").doesNotContain("portal");
            JsonNode cli = null;
            for (JsonNode client : realm.path("clients")) {
                if ("yingzao-cli".equals(client.path("clientId").asText())) {
                    cli = client;
                }
            }
            assertThat(cli).isNotNull();
            assertThat(audiences(cli)).containsExactlyInAnyOrderElementsOf(services);
        }
    }

    /** The services' clients: confidential and without a browser flow (they only check bearer tokens); the portal has one. */
    private static List<String> serviceClients(JsonNode realm) {
        List<String> services = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if ("client-secret".equals(client.path("clientAuthenticatorType").asText()) && !client.path("standardFlowEnabled").asBoolean(true)) {
                services.add(client.path("clientId").asText());
            }
        }
        return services;
    }

    private static List<String> audiences(JsonNode client) {
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client.path("protocolMappers")) {
            if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                    && "true".equals(mapper.at("/config/access.token.claim").asText())) {
                audiences.add(mapper.at("/config/included.client.audience").asText());
            }
        }
        return audiences;
    }
}

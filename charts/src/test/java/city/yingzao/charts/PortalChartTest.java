package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal in the umbrella (issue 14): an alias of yingzao-service with no database and no Kafka,
 * calling the six services over HTTP with the person's token, signing people in as the confidential
 * client {@code portal}, the city's front door at the domain itself.
 */
class PortalChartTest {

    private static final List<String> CALLED = List.of("registry", "deliberation", "finance", "grants", "evaluation", "training");
    private static final KubernetesSchemaValidator VALIDATOR = new KubernetesSchemaValidator();

    private static ChartWorkspace workspace;
    private static Manifests smallCity;
    private static Manifests city20m;

    @BeforeAll
    static void render() {
        workspace = ChartWorkspace.copy("portal").withDependencies();
        smallCity = Charts.smallCity(workspace);
        city20m = Charts.city20m(workspace);
    }

    @Test
    @DisplayName("the portal's pod has no datasource: only its OIDC client secret and the session key, both from Secrets")
    void noDatasource() {
        for (Manifests render : List.of(smallCity, city20m)) {
            JsonNode container = render.named("Deployment", "yingzao-portal").at("/spec/template/spec/containers/0");
            assertThat(container.at("/image").asText()).isEqualTo("yingzao/portal:0.1.0-SNAPSHOT");
            Map<String, String> secretRefs = new TreeMap<>();
            container.path("env").forEach(env -> {
                assertThat(env.has("value")).as(env.toString()).isFalse();
                secretRefs.put(env.path("name").asText(),
                    env.at("/valueFrom/secretKeyRef/name").asText() + "/" + env.at("/valueFrom/secretKeyRef/key").asText());
            });
            assertThat(secretRefs).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "yingzao-portal-oidc/client-secret",
                "YINGZAO_PORTAL_SESSION_SECRET", "yingzao-portal-session/session-secret"));
        }
    }

    @Test
    @DisplayName("the portal's ConfigMap: no JDBC URL, no Kafka bootstrap, client portal, and one URL per service pointing at that service's Service and port")
    void configMap() {
        JsonNode config = smallCity.named("ConfigMap", "yingzao-portal").path("data");
        assertThat(config.has("QUARKUS_DATASOURCE_JDBC_URL")).isFalse();
        assertThat(config.has("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
        assertThat(config.path("QUARKUS_OIDC_CLIENT_ID").asText()).isEqualTo("portal");
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo("http://yingzao-keycloak-service:8080/realms/yingzao");
        assertThat(config.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).isEqualTo("true");
        List<String> urls = new ArrayList<>();
        config.fieldNames().forEachRemaining(name -> {
            if (name.matches("YINGZAO_[A-Z_]+_URL")) {
                urls.add(name);
            }
        });
        assertThat(urls).hasSize(CALLED.size());
        for (String service : CALLED) {
            JsonNode port = smallCity.named("Service", "yingzao-" + service).at("/spec/ports/0");
            assertThat(config.path("YINGZAO_" + service.toUpperCase() + "_URL").asText())
                .isEqualTo("http://yingzao-" + service + ":" + port.path("port").asInt());
        }
        // the services keep theirs
        JsonNode registry = smallCity.named("ConfigMap", "yingzao-registry").path("data");
        assertThat(registry.has("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(registry.has("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(registry.fieldNames()).toIterable().noneMatch(name -> name.endsWith("_URL") && name.startsWith("YINGZAO_"));
    }

    @Test
    @DisplayName("network: the portal calls Keycloak, DNS and the six services' pods on their container port, never PostgreSQL or Kafka")
    void portalEgress() {
        JsonNode egress = smallCity.named("NetworkPolicy", "yingzao-portal").at("/spec/egress");
        assertThat(egress.findValuesAsText("port")).doesNotContain("5432", "9092");
        JsonNode portalPod = smallCity.named("Deployment", "yingzao-portal").at("/spec/template/metadata/labels");
        for (String service : CALLED) {
            JsonNode deployment = smallCity.named("Deployment", "yingzao-" + service);
            JsonNode pod = deployment.at("/spec/template/metadata/labels");
            String containerPort = deployment.at("/spec/template/spec/containers/0/ports/0/containerPort").asText();
            List<JsonNode> rules = new ArrayList<>();
            egress.forEach(rule -> rule.path("to").forEach(peer -> {
                if (peer.has("podSelector") && !peer.has("namespaceSelector") && matches(peer.at("/podSelector/matchLabels"), pod)) {
                    rules.add(rule);
                }
            }));
            assertThat(rules).as(service).hasSize(1);
            assertThat(rules.get(0).path("ports").findValuesAsText("port")).as(service).containsExactly(containerPort);
            assertThat(portalPod.path("yingzao.city/calls-" + service).asText()).isEqualTo("true");
        }
    }

    @Test
    @DisplayName("network: each of the six services admits the portal's pods on its HTTP port, and no other service's pods")
    void servicesAdmitThePortal() {
        JsonNode portalPod = smallCity.named("Deployment", "yingzao-portal").at("/spec/template/metadata/labels");
        for (String service : CALLED) {
            JsonNode from = smallCity.named("NetworkPolicy", "yingzao-" + service).at("/spec/ingress/0/from");
            List<JsonNode> podPeers = new ArrayList<>();
            from.forEach(peer -> {
                if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                    podPeers.add(peer.at("/podSelector/matchLabels"));
                }
            });
            assertThat(podPeers).as(service).anyMatch(selector -> matches(selector, portalPod));
            // the services do not call each other over HTTP: none of their pods is admitted
            for (String other : CALLED) {
                JsonNode otherPod = smallCity.named("Deployment", "yingzao-" + other).at("/spec/template/metadata/labels");
                assertThat(podPeers).as(other + " → " + service).noneMatch(selector -> matches(selector, otherPod));
            }
        }
        // nobody calls the portal from inside the release: it takes the ingress controller and Prometheus only
        JsonNode portalFrom = smallCity.named("NetworkPolicy", "yingzao-portal").at("/spec/ingress/0/from");
        for (String service : CALLED) {
            JsonNode pod = smallCity.named("Deployment", "yingzao-" + service).at("/spec/template/metadata/labels");
            portalFrom.forEach(peer -> {
                if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                    assertThat(matches(peer.at("/podSelector/matchLabels"), pod)).as(service + " → portal").isFalse();
                }
            });
        }
    }

    @Test
    @DisplayName("no database, role or dead-letter topic for the portal; the PostgreSQL cluster keeps one per service")
    void noDatabase() {
        for (Manifests render : List.of(smallCity, city20m)) {
            assertThat(render.named("Cluster", "yingzao-db").at("/spec/managed/roles").findValuesAsText("name"))
                .doesNotContain("portal", "yingzao-portal-db")
                .contains("registry", "training", "keycloak");
            assertThat(render.ofKind("Database")).extracting(db -> db.at("/spec/name").asText())
                .containsExactlyInAnyOrder("registry", "deliberation", "finance", "grants", "evaluation", "training", "keycloak");
            assertThat(render.ofKind("KafkaTopic")).extracting(topic -> topic.at("/spec/topicName").asText())
                .noneMatch(topic -> topic.contains("portal"));
        }
    }

    @Test
    @DisplayName("the portal is the front door: host yingzao.example itself, and its realm client redirects only to https://yingzao.example/*")
    void frontDoor() {
        JsonNode rules = smallCity.named("Ingress", "yingzao").at("/spec/rules");
        Map<String, String> backends = new TreeMap<>();
        rules.forEach(rule -> backends.put(rule.path("host").asText(), rule.at("/http/paths/0/backend/service/name").asText()));
        assertThat(backends).containsEntry("yingzao.example", "yingzao-portal").doesNotContainKey("portal.yingzao.example");
        for (JsonNode realm : List.of(realm(smallCity), realm(city20m))) {
            assertThat(portalClient(realm).path("redirectUris").toString()).isEqualTo("[\"https://yingzao.example/*\"]");
        }
    }

    @Test
    @DisplayName("ingress.frontDoor.host moves the portal (and its redirect URI) to another host; TLS then covers it")
    void frontDoorHost() {
        Manifests render = Charts.render(workspace.umbrella(), t -> t
            .setFile("keycloak.realm", Charts.REALM)
            .set("ingress.domain", "yingzao.chengdu.example")
            .set("ingress.frontDoor.host", "www.yingzao.chengdu.example")
            .set("ingress.tls.enabled", true).set("ingress.tls.secretName", "yingzao-tls"));
        assertThat(VALIDATOR.violations(render)).isEmpty();
        JsonNode ingress = render.named("Ingress", "yingzao");
        assertThat(ingress.at("/spec/rules").findValuesAsText("host")).contains("www.yingzao.chengdu.example", "finance.yingzao.chengdu.example")
            .doesNotContain("yingzao.chengdu.example");
        assertThat(ingress.at("/spec/tls/0/hosts").toString()).contains("\"www.yingzao.chengdu.example\"");
        assertThat(portalClient(realm(render)).path("redirectUris").toString()).isEqualTo("[\"https://www.yingzao.chengdu.example/*\"]");
    }

    @Test
    @DisplayName("without a front door the portal gets portal.<domain> like any service, and its redirect URI follows")
    void noFrontDoor() {
        Manifests render = Charts.render(workspace.umbrella(), t -> t.set("ingress.frontDoor.service", "")
            .setFile("keycloak.realm", Charts.REALM));
        assertThat(render.named("Ingress", "yingzao").at("/spec/rules").findValuesAsText("host")).contains("portal.yingzao.example")
            .doesNotContain("yingzao.example");
        assertThat(portalClient(realm(render)).path("redirectUris").toString()).isEqualTo("[\"https://portal.yingzao.example/*\"]");
    }

    @Test
    @DisplayName("a call to a service that is switched off, or on a port it does not listen on, fails the render with a message naming the value")
    void inconsistentCalls() {
        assertThatThrownBy(() -> Charts.render(workspace.umbrella(), t -> t.set("grants.enabled", false)))
            .hasMessageContaining("portal.calls names grants");
        assertThatThrownBy(() -> Charts.render(workspace.umbrella(), t -> t.set("finance.service.port", 8080)))
            .hasMessageContaining("finance's Service listens on port 8080");
        // the portal's own calls follow: written without grants, it renders
        Manifests render = Charts.render(workspace.umbrella(), t -> t.set("grants.enabled", false)
            .set("portal.calls[0]", "registry").set("portal.calls[1]", "deliberation").set("portal.calls[2]", "finance")
            .set("portal.calls[3]", "evaluation").set("portal.calls[4]", "training"));
        assertThat(VALIDATOR.violations(render)).isEmpty();
        assertThat(render.named("ConfigMap", "yingzao-portal").path("data").has("YINGZAO_GRANTS_URL")).isFalse();
        assertThatThrownBy(() -> Charts.render(workspace.umbrella(), t -> t.set("finance.kafka.enabled", false)))
            .hasMessageContaining("finance.kafka.enabled is false");
    }

    @Test
    @DisplayName("a realm without the portal's client fails the render: the portal could not sign anyone in")
    void realmWithoutPortalClient() {
        assertThatThrownBy(() -> Charts.render(workspace.umbrella(), t -> t.set("keycloak.realm", "{\"realm\":\"yingzao\",\"clients\":[]}")))
            .hasMessageContaining("no client \"portal\"");
        Manifests render = Charts.render(workspace.umbrella(), t -> t.set("portal.enabled", false)
            .set("keycloak.realm", "{\"realm\":\"yingzao\",\"clients\":[]}"));
        assertThat(render.ofKind("Deployment")).extracting(d -> d.at("/metadata/name").asText()).doesNotContain("yingzao-portal");
    }

    private static JsonNode realm(Manifests render) {
        return render.named("KeycloakRealmImport", "yingzao-keycloak-realm-yingzao").at("/spec/realm");
    }

    static JsonNode portalClient(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if ("portal".equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client portal in the realm");
    }

    /** A NetworkPolicy matchLabels selects the pod when every label it names is on the pod. */
    static boolean matches(JsonNode matchLabels, JsonNode podLabels) {
        if (matchLabels.isEmpty()) {
            return true;
        }
        List<Boolean> each = new ArrayList<>();
        matchLabels.properties().forEach(label -> each.add(label.getValue().asText().equals(podLabels.path(label.getKey()).asText(null))));
        return !each.contains(false);
    }
}

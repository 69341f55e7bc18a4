package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders the umbrella for a small city (default values) and for a 20-million-resident city
 * (values-city-20m.yaml), validates every object, and checks what the issue asks of them.
 */
class UmbrellaChartTest {

    private static final List<String> SERVICES = List.of("registry", "deliberation", "finance", "grants", "evaluation", "training");
    private static final List<String> WITH_PORTAL = List.of("registry", "deliberation", "finance", "grants", "evaluation", "training", "portal");
    private static final KubernetesSchemaValidator VALIDATOR = new KubernetesSchemaValidator();

    private static ChartWorkspace workspace;
    private static Manifests smallCity;
    private static Manifests city20m;

    @BeforeAll
    static void render() {
        workspace = ChartWorkspace.copy("umbrella").withDependencies();
        smallCity = Charts.smallCity(workspace);
        city20m = Charts.city20m(workspace);
    }

    @Test
    @DisplayName("every object of the small-city render is valid against the Kubernetes model and the operators' CRDs")
    void smallCityIsValid() {
        assertThat(VALIDATOR.violations(smallCity)).isEmpty();
        assertThat(smallCity.objects()).hasSizeGreaterThan(30);
    }

    @Test
    @DisplayName("every object of the 20m-city render is valid against the Kubernetes model and the operators' CRDs")
    void city20mIsValid() {
        assertThat(VALIDATOR.violations(city20m)).isEmpty();
    }

    @Test
    @DisplayName("small city: one replica of each service and of the portal, no HPA or PDB, each behind a Service and an Ingress host, the portal at the domain itself")
    void smallCityServices() {
        for (String service : WITH_PORTAL) {
            JsonNode deployment = smallCity.named("Deployment", "yingzao-" + service);
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            smallCity.named("Service", "yingzao-" + service).at("/spec/selector").properties()
                .forEach(selector -> assertThat(podLabels.path(selector.getKey()).asText()).isEqualTo(selector.getValue().asText()));
        }
        assertThat(smallCity.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(smallCity.ofKind("PodDisruptionBudget")).isEmpty();
        JsonNode ingress = smallCity.named("Ingress", "yingzao");
        assertThat(ingress.at("/spec/rules").findValuesAsText("host"))
            .containsExactly("registry.yingzao.example", "deliberation.yingzao.example", "finance.yingzao.example",
                "grants.yingzao.example", "evaluation.yingzao.example", "training.yingzao.example", "yingzao.example",
                "auth.yingzao.example");
        for (JsonNode backend : ingress.at("/spec/rules").findValues("service")) {
            String name = backend.path("name").asText();
            if (!name.endsWith("-keycloak-service")) {
                smallCity.named("Service", name);
            }
        }
    }

    @Test
    @DisplayName("pods: probes on /q/health/started|live|ready, non-root, read-only root filesystem, all capabilities dropped")
    void hardenedPods() {
        for (JsonNode deployment : city20m.ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
            assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
        }
    }

    @Test
    @DisplayName("secrets are only referenced: no Secret object, credentials come from secretKeyRef, the rest from the ConfigMap")
    void secretsByReference() {
        for (Manifests render : List.of(smallCity, city20m)) {
            assertThat(render.ofKind("Secret")).isEmpty();
        }
        for (String service : SERVICES) {
            JsonNode container = smallCity.named("Deployment", "yingzao-" + service).at("/spec/template/spec/containers/0");
            Map<String, String> secretRefs = new TreeMap<>();
            container.path("env").forEach(env -> {
                assertThat(env.has("value")).as(env.toString()).isFalse();
                secretRefs.put(env.path("name").asText(), env.at("/valueFrom/secretKeyRef/name").asText());
            });
            Map<String, String> expected = new TreeMap<>(Map.of(
                "QUARKUS_DATASOURCE_USERNAME", "yingzao-" + service + "-db",
                "QUARKUS_DATASOURCE_PASSWORD", "yingzao-" + service + "-db",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "yingzao-" + service + "-oidc"));
            if (service.equals("deliberation")) {
                // D8: the key sealing the ballot boxes' private keys
                expected.put("YINGZAO_DELIBERATION_BALLOT_KEY_ENCRYPTION_KEY", "yingzao-deliberation-ballot");
            }
            if (service.equals("training")) {
                // T3: the seed of the key signing exported certificates
                expected.put("YINGZAO_TRAINING_CREDENTIAL_KEY_SEED", "yingzao-training-credential");
            }
            assertThat(secretRefs).containsExactlyInAnyOrderEntriesOf(expected);
            JsonNode config = smallCity.named("ConfigMap", "yingzao-" + service).path("data");
            assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://yingzao-db-rw:5432/" + service);
            assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("yingzao-kafka-kafka-bootstrap:9092");
            assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo("http://yingzao-keycloak-service:8080/realms/yingzao");
            assertThat(config.path("QUARKUS_OIDC_CLIENT_ID").asText()).isEqualTo(service);
        }
    }

    @Test
    @DisplayName("network: namespace default deny; each service takes calls from ingress and Prometheus only and calls Kafka, PostgreSQL, Keycloak, DNS")
    void networkPolicies() {
        JsonNode deny = smallCity.named("NetworkPolicy", "yingzao-default-deny");
        assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
        assertThat(deny.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        assertThat(deny.at("/spec/ingress").isMissingNode()).isTrue();
        JsonNode policy = smallCity.named("NetworkPolicy", "yingzao-finance");
        assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("finance");
        assertThat(policy.at("/spec/ingress/0/from").findValuesAsText("kubernetes.io/metadata.name"))
            .containsExactly("ingress-nginx", "monitoring");
        assertThat(policy.at("/spec/egress").findValuesAsText("port")).containsExactly("9092", "5432", "8080", "8443", "53", "53");
    }

    @Test
    @DisplayName("Kafka: KRaft node pools, one KafkaTopic per topic of docs/events.md plus a <topic>.<service>.dlq for each service consuming a topic, compacted registry topics")
    void kafka() {
        JsonNode kafka = smallCity.named("Kafka", "yingzao-kafka");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/spec/zookeeper").isMissingNode()).isTrue();
        Map<String, String> cleanup = new TreeMap<>();
        smallCity.ofKind("KafkaTopic").forEach(topic -> {
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("yingzao-kafka");
            cleanup.put(topic.at("/spec/topicName").asText(), topic.at("/spec/config/cleanup.policy").asText());
        });
        Map<String, String> expected = new TreeMap<>(Map.of(
            "registry.communities", "compact",
            "registry.households", "compact",
            "registry.organisations", "compact",
            "deliberation.resolutions", "delete",
            "finance.allocations", "delete",
            "finance.projects", "delete",
            "finance.ledger", "delete",
            "training.certifications", "delete",
            "grants.applications", "delete",
            "grants.projects", "delete"));
        expected.put("evaluation.results", "delete");
        for (String registryTopic : List.of("registry.communities", "registry.households", "registry.organisations")) {
            for (String service : List.of("deliberation", "finance", "grants", "evaluation", "training")) {
                expected.put(registryTopic + "." + service + ".dlq", "delete");
            }
        }
        for (String dlq : List.of("deliberation.resolutions.finance", "finance.projects.training",
                "training.certifications.grants", "training.certifications.evaluation", "grants.projects.evaluation",
                "grants.projects.training", "evaluation.results.grants", "evaluation.results.training")) {
            expected.put(dlq + ".dlq", "delete");
        }
        assertThat(cleanup).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(smallCity.named("KafkaNodePool", "dual").at("/spec/roles").toString()).isEqualTo("[\"controller\",\"broker\"]");
    }

    @Test
    @DisplayName("CloudNativePG: one cluster, one login role and one Database per service and for Keycloak, passwords from Secrets")
    void postgres() {
        JsonNode cluster = smallCity.named("Cluster", "yingzao-db");
        assertThat(cluster.at("/spec/managed/roles").findValuesAsText("name"))
            .containsExactly("registry", "yingzao-registry-db", "deliberation", "yingzao-deliberation-db",
                "finance", "yingzao-finance-db", "grants", "yingzao-grants-db", "evaluation", "yingzao-evaluation-db",
                "training", "yingzao-training-db", "keycloak", "yingzao-keycloak-db");
        for (String database : List.of("registry", "deliberation", "finance", "grants", "evaluation", "training", "keycloak")) {
            JsonNode db = smallCity.named("Database", "yingzao-db-" + database);
            assertThat(db.at("/spec/owner").asText()).isEqualTo(database);
            assertThat(db.at("/spec/cluster/name").asText()).isEqualTo("yingzao-db");
        }
    }

    @Test
    @DisplayName("Keycloak: operator Keycloak on the CloudNativePG database and the realm file imported as given with --set-file")
    void keycloak() {
        JsonNode keycloak = smallCity.named("Keycloak", "yingzao-keycloak");
        assertThat(keycloak.at("/spec/db/host").asText()).isEqualTo("yingzao-db-rw");
        JsonNode realmImport = smallCity.named("KeycloakRealmImport", "yingzao-keycloak-realm-yingzao");
        assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo("yingzao-keycloak");
        assertThat(realmImport.at("/spec/realm/realm").asText()).isEqualTo("yingzao");
        assertThat(realmImport.at("/spec/realm/clients").findValuesAsText("clientId")).contains("registry", "deliberation", "finance", "grants",
                "evaluation", "training");
    }

    @Test
    @DisplayName("a realm that is not JSON fails the render with a message naming --set-file")
    void badRealm() {
        assertThatThrownBy(() -> Charts.render(workspace.umbrella(), t -> t.set("keycloak.realm", "not json")))
            .hasMessageContaining("--set-file keycloak.realm=");
    }

    @Test
    @DisplayName("20m city: HPA bounds within the partitions, PDBs, separate KRaft controllers and brokers, replicated topics")
    void city20m() {
        Map<String, Integer> maxReplicas = new TreeMap<>();
        city20m.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            assertThat(hpa.at("/apiVersion").asText()).isEqualTo("autoscaling/v2");
            maxReplicas.put(hpa.at("/spec/scaleTargetRef/name").asText(), hpa.at("/spec/maxReplicas").asInt());
        });
        assertThat(maxReplicas).containsOnlyKeys("yingzao-registry", "yingzao-deliberation", "yingzao-finance", "yingzao-grants",
            "yingzao-evaluation", "yingzao-training", "yingzao-portal");
        assertThat(maxReplicas.get("yingzao-portal")).isGreaterThanOrEqualTo(3);
        assertThat(city20m.named("HorizontalPodAutoscaler", "yingzao-portal").at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        // a consumer replica beyond the partition count of what it reads would sit idle
        int householdPartitions = city20m.named("KafkaTopic", "yingzao-registry-households").at("/spec/partitions").asInt();
        assertThat(maxReplicas.values()).allMatch(max -> max <= householdPartitions);
        assertThat(city20m.ofKind("PodDisruptionBudget")).hasSize(7);
        city20m.ofKind("Deployment").forEach(d -> assertThat(d.at("/spec/replicas").isMissingNode()).as("HPA owns replicas").isTrue());
        assertThat(city20m.named("KafkaNodePool", "controller").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(city20m.named("KafkaNodePool", "broker").at("/spec/replicas").asInt()).isEqualTo(6);
        city20m.ofKind("KafkaTopic").forEach(topic -> assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3));
        assertThat(city20m.named("Cluster", "yingzao-db").at("/spec/instances").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("a city that already runs Kafka, PostgreSQL and Keycloak switches them off and points the services at its own")
    void externalInfrastructure() {
        Manifests render = Charts.render(workspace.umbrella(), t -> t
            .set("kafka.enabled", false).set("postgres.enabled", false).set("keycloak.enabled", false)
            .set("global.kafka.bootstrapServers", "kafka.city:9093")
            .set("global.database.host", "pg.city")
            .set("global.oidc.authServerUrl", "https://id.city/realms/yingzao"));
        assertThat(VALIDATOR.violations(render)).isEmpty();
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database", "Keycloak", "KeycloakRealmImport")) {
            assertThat(render.ofKind(kind)).as(kind).isEmpty();
        }
        JsonNode config = render.named("ConfigMap", "yingzao-registry").path("data");
        assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka.city:9093");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://pg.city:5432/registry");
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo("https://id.city/realms/yingzao");
    }

    @Test
    @DisplayName("adding a service is one dependency entry and one block of values: it gets a Deployment, a database and an Ingress host")
    void addingAService() {
        ChartWorkspace added = ChartWorkspace.copy("add-service");
        added.replace(added.umbrella().resolve("Chart.yaml"), "    condition: finance.enabled\n", """
                condition: finance.enabled
              - name: yingzao-service
                alias: library
                version: 0.1.0
                repository: file://../yingzao-service
                condition: library.enabled
            """);
        added.replace(added.umbrella().resolve("values.yaml"), "\ningress:\n", "\nlibrary:\n  enabled: true\n\ningress:\n");
        Manifests render = Charts.smallCity(added.withDependencies());
        assertThat(VALIDATOR.violations(render)).isEmpty();
        assertThat(render.named("Deployment", "yingzao-library").at("/spec/template/spec/containers/0/image").asText())
            .isEqualTo("yingzao/library:0.1.0-SNAPSHOT");
        render.named("Database", "yingzao-db-library");
        assertThat(render.named("Ingress", "yingzao").at("/spec/rules").findValuesAsText("host")).contains("library.yingzao.example");
    }
}

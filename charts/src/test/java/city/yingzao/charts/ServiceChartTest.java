package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** yingzao-service on its own: defaults, opt-ins, and the values schema. */
class ServiceChartTest {

    private static final KubernetesSchemaValidator VALIDATOR = new KubernetesSchemaValidator();
    private static ChartWorkspace workspace;

    @BeforeAll
    static void copyCharts() {
        workspace = ChartWorkspace.copy("service");
    }

    @Test
    @DisplayName("default values render a valid Deployment, Service, ServiceAccount, ConfigMap and NetworkPolicy with app.kubernetes.io labels")
    void defaults() {
        Manifests render = Charts.render(workspace.serviceChart(), t -> t);
        assertThat(VALIDATOR.violations(render)).isEmpty();
        assertThat(render.objects()).extracting(o -> o.path("kind").asText())
            .containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Deployment", "NetworkPolicy");
        for (JsonNode object : render.objects()) {
            JsonNode labels = object.at("/metadata/labels");
            assertThat(labels.path("app.kubernetes.io/name").asText()).isEqualTo("yingzao-service");
            assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo("yingzao");
            assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo("yingzao");
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
        }
    }

    @Test
    @DisplayName("opt-ins render a valid autoscaling/v2 HPA and a PodDisruptionBudget; the HPA then owns the replica count")
    void optIns() {
        Manifests render = Charts.render(workspace.serviceChart(), t -> t
            .set("nameOverride", "finance")
            .set("autoscaling.enabled", true).set("autoscaling.maxReplicas", 9)
            .set("podDisruptionBudget.enabled", true)
            .set("image.registry", "registry.city.example")
            .set("image.digest", "sha256:" + "a".repeat(64)));
        assertThat(VALIDATOR.violations(render)).isEmpty();
        assertThat(render.named("HorizontalPodAutoscaler", "yingzao-finance").at("/spec/maxReplicas").asInt()).isEqualTo(9);
        render.named("PodDisruptionBudget", "yingzao-finance");
        JsonNode deployment = render.named("Deployment", "yingzao-finance");
        assertThat(deployment.at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
            .isEqualTo("registry.city.example/yingzao/finance@sha256:" + "a".repeat(64));
    }

    @Test
    @DisplayName("by default a service has its datasource (URL, login from the Secret), Kafka, their egress, calls nobody and admits the pods that declare they call it")
    void databaseAndKafkaByDefault() {
        Manifests render = Charts.render(workspace.serviceChart(), t -> t.set("nameOverride", "finance"));
        JsonNode config = render.named("ConfigMap", "yingzao-finance").path("data");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://yingzao-db-rw:5432/finance");
        assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("yingzao-kafka-kafka-bootstrap:9092");
        assertThat(render.named("Deployment", "yingzao-finance").at("/spec/template/spec/containers/0/env").findValuesAsText("name"))
            .contains("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        JsonNode policy = render.named("NetworkPolicy", "yingzao-finance");
        assertThat(policy.at("/spec/egress").findValuesAsText("port")).containsExactly("9092", "5432", "8080", "8443", "53", "53");
        assertThat(policy.at("/spec/ingress/0/from").toString())
            .contains("{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/instance\":\"yingzao\",\"yingzao.city/calls-finance\":\"true\"}}}");
        Manifests closed = Charts.render(workspace.serviceChart(), t -> t.set("nameOverride", "finance").set("networkPolicy.ingressFromCallers", false));
        assertThat(closed.named("NetworkPolicy", "yingzao-finance").at("/spec/ingress/0/from").findValuesAsText("yingzao.city/calls-finance")).isEmpty();
    }

    @Test
    @DisplayName("database.enabled=false and kafka.enabled=false: no datasource env or JDBC URL, no bootstrap servers, no PostgreSQL or Kafka egress; calls give URLs, egress and caller labels")
    void noDatabaseNoKafkaWithCalls() {
        Manifests render = Charts.render(workspace.serviceChart(), t -> t
            .set("nameOverride", "portal")
            .set("database.enabled", false).set("kafka.enabled", false)
            .set("oidc.secretKey", "")
            .set("calls[0]", "finance")
            .set("calls[1].name", "registry").set("calls[1].port", 8081).set("calls[1].containerPort", 9081));
        assertThat(VALIDATOR.violations(render)).isEmpty();
        JsonNode config = render.named("ConfigMap", "yingzao-portal").path("data");
        assertThat(config.has("QUARKUS_DATASOURCE_JDBC_URL")).isFalse();
        assertThat(config.has("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
        assertThat(config.path("YINGZAO_FINANCE_URL").asText()).isEqualTo("http://yingzao-finance:80");
        assertThat(config.path("YINGZAO_REGISTRY_URL").asText()).isEqualTo("http://yingzao-registry:8081");
        JsonNode pod = render.named("Deployment", "yingzao-portal").at("/spec/template");
        // nothing secret left to reference: no env list at all
        assertThat(pod.at("/spec/containers/0/env").isMissingNode()).isTrue();
        assertThat(pod.at("/metadata/labels/yingzao.city~1calls-finance").asText()).isEqualTo("true");
        assertThat(pod.at("/metadata/labels/yingzao.city~1calls-registry").asText()).isEqualTo("true");
        assertThat(render.named("Deployment", "yingzao-portal").at("/spec/selector/matchLabels").size()).isEqualTo(2);
        JsonNode egress = render.named("NetworkPolicy", "yingzao-portal").at("/spec/egress");
        assertThat(egress.findValuesAsText("port")).containsExactly("8080", "8443", "8080", "9081", "53", "53");
        assertThat(egress.get(1).at("/to/0/podSelector/matchLabels").toString())
            .isEqualTo("{\"app.kubernetes.io/name\":\"finance\",\"app.kubernetes.io/instance\":\"yingzao\"}");
        assertThat(egress.get(2).at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("registry");
    }

    @Test
    @DisplayName("values.schema.json refuses an unknown value and a secret written into values")
    void schema() {
        assertThatThrownBy(() -> Charts.render(workspace.serviceChart(), t -> t.set("replicas", 2)))
            .hasMessageContaining("replicas");
        assertThatThrownBy(() -> Charts.render(workspace.serviceChart(), t -> t.set("database.password", "hunter2")))
            .hasMessageContaining("password");
        assertThatThrownBy(() -> Charts.render(workspace.serviceChart(), t -> t.set("calls[0]", "Finance Service")))
            .hasMessageContaining("calls");
    }
}

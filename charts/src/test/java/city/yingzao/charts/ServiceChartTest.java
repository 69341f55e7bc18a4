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
    @DisplayName("values.schema.json refuses an unknown value and a secret written into values")
    void schema() {
        assertThatThrownBy(() -> Charts.render(workspace.serviceChart(), t -> t.set("replicas", 2)))
            .hasMessageContaining("replicas");
        assertThatThrownBy(() -> Charts.render(workspace.serviceChart(), t -> t.set("database.password", "hunter2")))
            .hasMessageContaining("password");
    }
}

package city.yingzao.charts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proof that the checks can fail: each test breaks one template in its own copy of the charts
 * under target/chart-workspace and shows which check catches it.
 */
class BrokenChartTest {

    private static final KubernetesSchemaValidator VALIDATOR = new KubernetesSchemaValidator();

    @Test
    @DisplayName("a misspelt field in the Deployment template renders, and the schema validation rejects it")
    void misspeltField() {
        ChartWorkspace broken = ChartWorkspace.copy("broken-field");
        broken.replace(broken.serviceChart().resolve("templates/deployment.yaml"), "livenessProbe:", "livenesProbe:");
        Manifests render = Charts.smallCity(broken.withDependencies());
        assertThat(VALIDATOR.violations(render)).contains(
            "Deployment/yingzao-registry: unknown field 'livenesProbe' in spec.template.spec.containers[0]");
    }

    @Test
    @DisplayName("a template that drops a required field is caught by the required-field check")
    void droppedRequiredField() {
        ChartWorkspace broken = ChartWorkspace.copy("broken-required");
        broken.replace(broken.serviceChart().resolve("templates/deployment.yaml"),
            "          image: {{ include \"yingzao-service.image\" . | quote }}\n", "");
        Manifests render = Charts.smallCity(broken.withDependencies());
        assertThat(VALIDATOR.violations(render)).contains(
            "Deployment/yingzao-finance: required field spec.template.spec.containers[0].image is missing");
    }

    @Test
    @DisplayName("a custom resource with a wrong field is rejected by the CRD rules")
    void brokenCustomResource() {
        ChartWorkspace broken = ChartWorkspace.copy("broken-cr");
        broken.replace(broken.umbrella().resolve("templates/kafkatopics.yaml"), "  partitions:", "  partition:");
        Manifests render = Charts.smallCity(broken.withDependencies());
        assertThat(VALIDATOR.violations(render)).contains("KafkaTopic/yingzao-finance-ledger: unknown field 'partition' in spec");
    }

    @Test
    @DisplayName("a template syntax error fails helm lint --strict and helm template")
    void syntaxError() {
        ChartWorkspace broken = ChartWorkspace.copy("broken-syntax");
        broken.replace(broken.umbrella().resolve("templates/ingress.yaml"), "{{- range $services }}\n    - host", "{{- range $services }\n    - host");
        broken.withDependencies();
        assertThat(Charts.lintStrict(broken.umbrella()).isFailed()).isTrue();
        assertThatThrownBy(() -> Charts.smallCity(broken)).hasMessageContaining("ingress.yaml");
    }
}

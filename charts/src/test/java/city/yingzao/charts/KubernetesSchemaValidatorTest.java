package city.yingzao.charts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator itself: it must reject what the API server or an operator would reject. */
class KubernetesSchemaValidatorTest {

    private final KubernetesSchemaValidator validator = new KubernetesSchemaValidator();

    private static final String DEPLOYMENT = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:1
                  ports:
                    - containerPort: 8080
        """;

    @Test
    @DisplayName("a valid Deployment has no violations")
    void valid() {
        assertThat(validator.violations(Manifests.parse(DEPLOYMENT))).isEmpty();
    }

    @Test
    @DisplayName("an unknown field is rejected, although the fabric8 model would keep it in additionalProperties")
    void unknownField() {
        var manifests = Manifests.parse(DEPLOYMENT.replace("containerPort: 8080", "containerPort: 8080\n              hostPorts: 1"));
        assertThat(validator.violations(manifests))
            .containsExactly("Deployment/web: unknown field 'hostPorts' in spec.template.spec.containers[0].ports[0]");
    }

    @Test
    @DisplayName("a field of the wrong type is rejected")
    void wrongType() {
        var manifests = Manifests.parse(DEPLOYMENT.replace("containerPort: 8080", "containerPort: [8080]"));
        assertThat(validator.violations(manifests)).singleElement().asString().contains("does not match the Deployment schema");
    }

    @Test
    @DisplayName("a missing required field is reported where it is missing")
    void requiredField() {
        var manifests = Manifests.parse(DEPLOYMENT.replaceAll("(?m)^ *image: web:1\n", ""));
        assertThat(validator.violations(manifests))
            .containsExactly("Deployment/web: required field spec.template.spec.containers[0].image is missing");
    }

    @Test
    @DisplayName("an invalid name, an invalid label value and an unknown kind are rejected")
    void namesLabelsKinds() {
        var manifests = Manifests.parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Web_Config
              labels: {version: "1.0 beta"}
            data: {PORT: 8080}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """);
        assertThat(validator.violations(manifests)).containsExactly(
            "ConfigMap/Web_Config: metadata.name 'Web_Config' is not a DNS subdomain",
            "ConfigMap/Web_Config: label version='1.0 beta' is not a valid label value",
            "ConfigMap/Web_Config: data.PORT must be a string",
            "Widget/w: unknown apiVersion/kind example.com/v1/Widget");
    }

    @Test
    @DisplayName("custom resources: wrong apiVersion, unknown spec field and missing required field are rejected")
    void customResources() {
        var manifests = Manifests.parse("""
            apiVersion: kafka.strimzi.io/v1alpha1
            kind: KafkaTopic
            metadata: {name: old}
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata: {name: t}
            spec: {topicName: t, partition: 3}
            """);
        assertThat(validator.violations(manifests)).containsExactly(
            "KafkaTopic/old: unknown apiVersion/kind kafka.strimzi.io/v1alpha1/KafkaTopic",
            "KafkaTopic/t: required field metadata.labels.strimzi.io/cluster is missing",
            "KafkaTopic/t: unknown field 'partition' in spec");
    }
}

package city.yingzao.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks rendered objects the way the API server would before anything reaches a cluster.
 *
 * <p>Built-in kinds are read into the fabric8 Kubernetes model with unknown properties refused.
 * fabric8 classes normally swallow unknown fields into {@code additionalProperties} through a
 * {@code @JsonAnySetter}; the introspector below switches that off, so a misspelt or misplaced
 * field ({@code containerPorts}, {@code livenesProbe}) fails like it would with
 * {@code kubectl apply --validate=strict}. Then the fields the OpenAPI schema requires are checked,
 * since the model accepts an object without them. Custom resources (Strimzi, CloudNativePG,
 * Keycloak) have no model here: {@link CustomResourceRules} checks their apiVersion, kind, the spec
 * fields the charts set and the ones the CRDs require.
 */
final class KubernetesSchemaValidator {

    /** apiVersion/kind → model class; a kind outside this table and the CR rules is itself an error. */
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
        "v1/ConfigMap", ConfigMap.class,
        "v1/Service", Service.class,
        "v1/ServiceAccount", ServiceAccount.class,
        "apps/v1/Deployment", Deployment.class,
        "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
        "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
        "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
        "networking.k8s.io/v1/Ingress", Ingress.class);

    /** Required fields from the Kubernetes OpenAPI schema, as paths; {@code []} means every element. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
        "Service", List.of("spec.ports[].port"),
        "Deployment", List.of("spec.selector", "spec.template.metadata.labels", "spec.template.spec.containers",
            "spec.template.spec.containers[].name", "spec.template.spec.containers[].image",
            "spec.template.spec.containers[].ports[].containerPort",
            "spec.template.spec.containers[].env[].name"),
        "HorizontalPodAutoscaler", List.of("spec.scaleTargetRef.kind", "spec.scaleTargetRef.name",
            "spec.maxReplicas", "spec.metrics[].type"),
        "PodDisruptionBudget", List.of("spec.selector"),
        "NetworkPolicy", List.of("spec.podSelector"),
        "Ingress", List.of("spec.rules[].http.paths[].pathType", "spec.rules[].http.paths[].backend.service.name",
            "spec.rules[].http.paths[].backend.service.port.number"));

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private final ObjectMapper strict = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .annotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        })
        .build();

    /** Every problem found in the objects, as "Kind/name: what"; empty when all are valid. */
    List<String> violations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (JsonNode object : manifests.objects()) {
            violations.addAll(violations(object));
        }
        return violations;
    }

    List<String> violations(JsonNode object) {
        String id = Manifests.id(object);
        List<String> found = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty() || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            found.add(id + ": metadata.name '" + name + "' is not a DNS subdomain");
        }
        object.path("metadata").path("labels").properties().forEach(label -> {
            String value = label.getValue().asText();
            if (!label.getValue().isTextual() || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                found.add(id + ": label " + label.getKey() + "='" + value + "' is not a valid label value");
            }
        });
        Class<?> model = BUILT_IN.get(apiVersion + "/" + kind);
        if (model != null) {
            found.addAll(againstModel(id, object, model));
            for (String path : REQUIRED.getOrDefault(kind, List.of())) {
                missing(object, path).forEach(where -> found.add(id + ": required field " + where + " is missing"));
            }
            if (kind.equals("ConfigMap")) {
                object.path("data").properties().stream()
                    .filter(entry -> !entry.getValue().isTextual())
                    .forEach(entry -> found.add(id + ": data." + entry.getKey() + " must be a string"));
            }
        } else if (CustomResourceRules.knows(apiVersion, kind)) {
            CustomResourceRules.violations(object).forEach(v -> found.add(id + ": " + v));
        } else {
            found.add(id + ": unknown apiVersion/kind " + apiVersion + "/" + kind);
        }
        return found;
    }

    private List<String> againstModel(String id, JsonNode object, Class<?> model) {
        try {
            strict.treeToValue(object, model);
            return List.of();
        } catch (UnrecognizedPropertyException e) {
            return List.of(id + ": unknown field '" + e.getPropertyName() + "' in " + path(e));
        } catch (JsonProcessingException e) {
            return List.of(id + ": does not match the " + model.getSimpleName() + " schema: " + e.getOriginalMessage());
        }
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder path = new StringBuilder();
        var references = e.getPath();
        // the last reference is the unknown field itself
        for (var reference : references.subList(0, references.size() - 1)) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Concrete locations where {@code path} is absent, with list indexes filled in. */
    static List<String> missing(JsonNode root, String path) {
        List<String> absent = new ArrayList<>();
        // a dot escaped with a backslash belongs to the name (label keys such as strimzi\.io/cluster)
        String[] steps = path.split("(?<!\\\\)\\.");
        for (int i = 0; i < steps.length; i++) {
            steps[i] = steps[i].replace("\\.", ".");
        }
        walk(root, steps, 0, "", absent);
        return absent;
    }

    private static void walk(JsonNode node, String[] steps, int index, String where, List<String> absent) {
        if (index == steps.length) {
            return;
        }
        boolean each = steps[index].endsWith("[]");
        String field = each ? steps[index].substring(0, steps[index].length() - 2) : steps[index];
        String here = where.isEmpty() ? field : where + "." + field;
        JsonNode child = node.get(field);
        if (child == null || child.isNull() || (child.isArray() && child.isEmpty() && index == steps.length - 1)) {
            // a required list must have an element ({} is a valid selector, [] no valid container list);
            // an optional list that is absent has no element to lack anything
            if (!each) {
                StringBuilder full = new StringBuilder(here);
                for (int i = index + 1; i < steps.length; i++) {
                    full.append('.').append(steps[i]);
                }
                absent.add(full.toString());
            }
            return;
        }
        if (each) {
            for (int i = 0; i < child.size(); i++) {
                walk(child.get(i), steps, index + 1, here + "[" + i + "]", absent);
            }
        } else {
            walk(child, steps, index + 1, here, absent);
        }
    }
}

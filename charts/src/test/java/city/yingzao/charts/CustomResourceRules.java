package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the operators' CRDs accept, for the custom resources the umbrella renders: the
 * apiVersion and kind each operator serves, the fields its CRD requires, and the spec fields it
 * knows at the levels the chart writes (taken from the CRDs of Strimzi 0.48, CloudNativePG 1.27
 * and the Keycloak operator 26). The operators' CRD schemas are not on Maven Central, so this
 * table is the part of them the chart depends on; a field the chart sets that is not listed is a
 * typo or a field of another version, and fails.
 */
final class CustomResourceRules {

    private record Rule(List<String> required, Map<String, Set<String>> knownFields) {
    }

    private static final Map<String, Rule> RULES = Map.of(
        "kafka.strimzi.io/v1beta2/Kafka", new Rule(
            List.of("spec.kafka", "spec.kafka.listeners", "spec.kafka.listeners[].name", "spec.kafka.listeners[].port",
                "spec.kafka.listeners[].type", "spec.kafka.listeners[].tls"),
            Map.of(
                "spec", Set.of("kafka", "entityOperator", "clusterCa", "clientsCa", "cruiseControl", "kafkaExporter",
                    "maintenanceTimeWindows"),
                "spec.kafka", Set.of("version", "metadataVersion", "listeners", "config", "authorization", "rack",
                    "brokerRackInitImage", "image", "livenessProbe", "readinessProbe", "jvmOptions", "jmxOptions",
                    "resources", "metricsConfig", "logging", "template", "tieredStorage", "quotas"),
                "spec.kafka.listeners[]", Set.of("name", "port", "type", "tls", "authentication", "configuration",
                    "networkPolicyPeers"),
                "spec.entityOperator", Set.of("topicOperator", "userOperator", "tlsSidecar", "template"))),
        "kafka.strimzi.io/v1beta2/KafkaNodePool", new Rule(
            List.of("spec.replicas", "spec.storage", "spec.storage.type", "spec.roles"),
            Map.of(
                "spec", Set.of("replicas", "storage", "roles", "resources", "jvmOptions", "template"),
                "spec.storage", Set.of("type", "volumes"),
                "spec.storage.volumes[]", Set.of("id", "type", "size", "class", "deleteClaim", "kraftMetadata",
                    "selector", "overrides"))),
        "kafka.strimzi.io/v1beta2/KafkaTopic", new Rule(
            List.of("metadata.labels.strimzi\\.io/cluster"),
            Map.of("spec", Set.of("topicName", "partitions", "replicas", "config"))),
        "postgresql.cnpg.io/v1/Cluster", new Rule(
            List.of("spec.instances", "spec.storage.size", "spec.managed.roles[].name"),
            Map.of(
                "spec", Set.of("instances", "imageName", "storage", "walStorage", "postgresql", "resources", "managed",
                    "bootstrap", "backup", "monitoring", "affinity", "primaryUpdateStrategy", "enableSuperuserAccess",
                    "superuserSecret", "replica", "externalClusters", "description"),
                "spec.storage", Set.of("size", "storageClass", "pvcTemplate", "resizeInUseVolumes"),
                "spec.postgresql", Set.of("parameters", "pg_hba", "pg_ident", "shared_preload_libraries",
                    "synchronous", "ldap"),
                "spec.managed.roles[]", Set.of("name", "ensure", "login", "passwordSecret", "superuser", "createdb",
                    "createrole", "inherit", "replication", "bypassrls", "connectionLimit", "validUntil", "inRoles",
                    "comment", "disablePassword"))),
        "postgresql.cnpg.io/v1/Database", new Rule(
            List.of("spec.name", "spec.owner", "spec.cluster.name"),
            Map.of("spec", Set.of("name", "owner", "ensure", "cluster", "databaseReclaimPolicy", "encoding",
                "locale", "template", "extensions", "schemas", "allowConnections", "connectionLimit", "tablespace"))),
        "k8s.keycloak.org/v2alpha1/Keycloak", new Rule(
            List.of("spec.db.vendor", "spec.db.host", "spec.db.usernameSecret.name", "spec.db.passwordSecret.name",
                "spec.hostname.hostname"),
            Map.of(
                "spec", Set.of("instances", "image", "imagePullSecrets", "db", "http", "hostname", "proxy", "ingress",
                    "resources", "features", "transaction", "additionalOptions", "unsupported", "cache",
                    "truststores", "bootstrapAdmin", "httpManagement", "networkPolicy", "scheduling", "startOptimized"),
                "spec.db", Set.of("vendor", "host", "port", "database", "schema", "url", "usernameSecret",
                    "passwordSecret", "poolInitialSize", "poolMinSize", "poolMaxSize"),
                "spec.http", Set.of("httpEnabled", "httpPort", "httpsPort", "tlsSecret", "annotations", "labels"),
                "spec.hostname", Set.of("hostname", "admin", "strict", "backchannelDynamic"),
                "spec.proxy", Set.of("headers"),
                "spec.ingress", Set.of("enabled", "className", "annotations", "labels", "tlsSecret"))),
        "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", new Rule(
            List.of("spec.keycloakCRName", "spec.realm", "spec.realm.realm"),
            Map.of("spec", Set.of("keycloakCRName", "realm", "placeholders", "resources"))));

    private CustomResourceRules() {
    }

    static boolean knows(String apiVersion, String kind) {
        return RULES.containsKey(apiVersion + "/" + kind);
    }

    static List<String> violations(JsonNode object) {
        Rule rule = RULES.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        List<String> found = new ArrayList<>();
        for (String path : rule.required()) {
            KubernetesSchemaValidator.missing(object, path)
                .forEach(where -> found.add("required field " + where.replace("\\", "") + " is missing"));
        }
        rule.knownFields().forEach((path, known) -> objectsAt(object, path).forEach(node ->
            node.fieldNames().forEachRemaining(field -> {
                if (!known.contains(field)) {
                    found.add("unknown field '" + field + "' in " + path);
                }
            })));
        return found;
    }

    private static List<JsonNode> objectsAt(JsonNode root, String path) {
        List<JsonNode> nodes = List.of(root);
        for (String step : path.split("\\.")) {
            boolean each = step.endsWith("[]");
            String field = each ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode child = node.path(field);
                if (each && child.isArray()) {
                    child.forEach(next::add);
                } else if (!each && child.isObject()) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }
}

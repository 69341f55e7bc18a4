package city.yingzao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Values generated from a service's OpenAPI document, shared by the probes that walk it ({@link IsolationProbe},
 * {@link MalformedInputProbe}): a {@code $ref} followed to its schema, and a value of a schema's type that Jackson reads
 * without complaint and the bean constraints the document shows accept (the first enum constant, the minimum of a
 * number, a UUID, date or date-time in its format, one element in an array, every property of an object, one entry in
 * a map), so that what a probe changes in it is the only thing wrong with a request.
 */
final class OpenApiSamples {

    /** Deeper than any request record of the services; a self-referencing schema stops here with a null. */
    static final int MAX_DEPTH = 6;

    private OpenApiSamples() {
    }

    /** The node a {@code $ref} points at (followed up to ten hops), or the node itself. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The schema itself, or the first of its {@code allOf}/{@code oneOf}/{@code anyOf}, followed to where it names a type. */
    static JsonNode composite(JsonNode document, JsonNode schema) {
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composite) && schema.get(composite).size() > 0) {
                return composite(document, resolve(document, schema.get(composite).get(0)));
            }
        }
        return schema;
    }

    /** A value of the schema's type; booleans are {@code bool} (a probe chooses the harmless one for its calls). */
    static JsonNode sample(JsonNode document, JsonNode schemaRef, boolean bool) {
        return sample(document, schemaRef, bool, 0);
    }

    private static JsonNode sample(JsonNode document, JsonNode schemaRef, boolean bool, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode schema = composite(document, resolve(document, schemaRef));
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        if (depth > MAX_DEPTH) {
            return f.nullNode();
        }
        switch (type) {
            case "integer":
            case "number":
                return f.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "boolean":
                return f.booleanNode(bool);
            case "array": {
                ArrayNode array = f.arrayNode();
                array.add(sample(document, schema.path("items"), bool, depth + 1));
                return array;
            }
            case "object": {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields()
                        .forEachRemaining(p -> object.set(p.getKey(), sample(document, p.getValue(), bool, depth + 1)));
                if (object.isEmpty() && schema.path("additionalProperties").isObject()) {
                    object.set("probe", sample(document, schema.path("additionalProperties"), bool, depth + 1));
                }
                return object;
            }
            case "string":
                return f.textNode(switch (schema.path("format").asText("")) {
                    case "uuid" -> "00000000-0000-4000-8000-000000000001";
                    case "date" -> "2027-01-01";
                    case "date-time" -> "2027-01-01T00:00:00Z";
                    case "int32", "int64" -> "1";
                    default -> "probe";
                });
            default:
                return f.textNode("probe");
        }
    }
}

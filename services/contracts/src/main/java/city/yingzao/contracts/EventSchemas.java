package city.yingzao.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks payloads against the JSON Schema of their event type, so producers' and consumers' tests
 * prove that what travels is what the contract says.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    private EventSchemas() {
    }

    /** What is wrong with the payload, one line each; empty when it satisfies the schema. */
    public static List<String> violations(EventType type, String json) {
        try {
            return violations(type, EventJson.mapper().readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    public static List<String> violations(EventType type, JsonNode json) {
        return schemaOf(type).validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema document itself. */
    public static JsonNode schemaJson(EventType type) {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema on the class path at " + type.schemaResource());
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized JsonSchema schemaOf(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(schemaJson(t),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()));
    }
}

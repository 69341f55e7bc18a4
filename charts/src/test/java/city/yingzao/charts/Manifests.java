package city.yingzao.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The objects of one {@code helm template} output, one JSON tree per YAML document. */
record Manifests(List<JsonNode> objects) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifests parse(String rendered) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                // documents that hold only comments (a template switched off) parse as null or missing
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template produced invalid YAML", e);
        }
        return new Manifests(List.copyOf(objects));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream()
            .filter(o -> name.equals(o.path("metadata").path("name").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + describe()));
    }

    String describe() {
        return objects.stream().map(Manifests::id).toList().toString();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
    }
}

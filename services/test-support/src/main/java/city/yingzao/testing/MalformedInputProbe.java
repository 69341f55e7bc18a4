package city.yingzao.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends malformed input to every operation of a running service, as its OpenAPI document
 * ({@code /q/openapi?format=json}) describes them, and collects every answer that is not a client
 * error told as problem details.
 *
 * <p>For each operation it sends a NUL ({@code %00}) in each path parameter, a NUL in each query
 * parameter, and, for a JSON body, a body built from the schema with a NUL ({@code \u0000}) in each
 * text field, one with each text field one character longer than its {@code maxLength} (the refusal
 * must name the field), and a body whose objects each repeat a key; for a CSV or text body, a body whose cells
 * hold a NUL. Each request goes out once per caller whose roles the operation allows (the roles the
 * document lists under {@code security}; every caller when it lists none) and once anonymously.
 *
 * <p>Every answer must be a 4xx: a 401 with its {@code WWW-Authenticate} challenge, anything else
 * {@code application/problem+json} with a {@code type} and the same {@code status}. Anything else,
 * a 5xx above all, is a finding.
 *
 * <pre>{@code
 * @TestHTTPResource("/") URI root;
 *
 * MalformedInputProbe.against(root)
 *         .caller("staff", TestTokens.user("s").roles("community-staff").communities("C1").sign(), "community-staff")
 *         .pathValue("code", "C1")
 *         .run().assertClean();
 * }</pre>
 */
public final class MalformedInputProbe {

    /** A NUL in a URL, percent-encoded. */
    public static final String NUL_IN_URL = "probe%00";
    /** A NUL in a JSON or CSV text. */
    public static final String NUL_IN_TEXT = "probe\u0000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final int MAX_DEPTH = 6;

    private final URI root;
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private record Caller(String name, String token, Set<String> roles) {
    }

    /** One request that did not answer as a client error in problem details. */
    public record Finding(String method, String path, String variant, String caller, int status, String answer) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " [" + variant + "] as " + caller + " -> " + status + " " + answer;
        }
    }

    /** What the probe sent and what it found. */
    public record Result(int operations, int requests, Map<String, Integer> variants, Map<String, Integer> problemTypes,
                         List<Finding> findings) {

        /** One line for the test's report: what was sent, what came back. */
        public String summary() {
            return operations + " operations, " + requests + " requests " + variants + ", answers " + problemTypes
                    + ", " + findings.size() + " finding(s)";
        }

        /** Fails listing every finding; also fails when nothing was probed, so that it cannot pass vacuously. */
        public Result assertClean() {
            if (operations == 0 || requests == 0) {
                throw new AssertionError("the probe found no operation to send malformed input to");
            }
            if (!findings.isEmpty()) {
                StringBuilder message = new StringBuilder(findings.size() + " of " + requests
                        + " malformed requests were not answered with a 4xx problem:");
                findings.stream().limit(40).forEach(f -> message.append("\n  ").append(f));
                if (findings.size() > 40) {
                    message.append("\n  … and ").append(findings.size() - 40).append(" more");
                }
                throw new AssertionError(message.toString());
            }
            return this;
        }
    }

    private MalformedInputProbe(URI root) {
        this.root = root;
    }

    /** The service under test, usually {@code @TestHTTPResource("/") URI root}. */
    public static MalformedInputProbe against(URI root) {
        return new MalformedInputProbe(root);
    }

    /** A caller holding these realm roles; requests go out with its token to the operations those roles may use. */
    public MalformedInputProbe caller(String name, String token, String... roles) {
        callers.put(name, new Caller(name, token, Set.of(roles)));
        return this;
    }

    /** The value to put in path parameter {@code name} where it is not the one carrying the NUL (default by schema). */
    public MalformedInputProbe pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Leaves out one operation, e.g. {@code skip("get", "/api/probe/crash")}; say why at the call. */
    public MalformedInputProbe skip(String method, String path) {
        skipped.add(method.toLowerCase() + " " + path);
        return this;
    }

    public Result run() {
        JsonNode document = read(send("GET", "/q/openapi?format=json", null, null, null).body());
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> variants = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        int[] counts = new int[2];
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey();
                if (!METHODS.contains(method) || skipped.contains(method + " " + path.getKey())) {
                    continue;
                }
                List<Variant> toSend = variants(document, path.getKey(), op.getValue());
                if (toSend.isEmpty()) {
                    continue;
                }
                counts[0]++;
                for (Variant v : toSend) {
                    for (Caller caller : callersOf(op.getValue())) {
                        counts[1]++;
                        variants.merge(v.kind, 1, Integer::sum);
                        HttpResponse<String> answer = send(method.toUpperCase(), v.target, v.contentType, v.body,
                                caller.token);
                        judge(answer, types).or(() -> namesField(v, answer)).ifPresent(reason -> findings.add(new Finding(method, path.getKey(),
                                v.name, caller.name, answer.statusCode(), reason)));
                    }
                }
            }
        }
        return new Result(counts[0], counts[1], variants, types, findings);
    }

    // --- what to send -------------------------------------------------------------------------

    private record Variant(String kind, String name, String target, String contentType, String body) {
    }

    /** A too-long value refused as invalid must be named: the person has to know which field to shorten. */
    private static Optional<String> namesField(Variant v, HttpResponse<String> answer) {
        if (!v.kind.equals("json too long") || answer.statusCode() != 400) {
            return Optional.empty();
        }
        String path = v.name.substring("json ".length(), v.name.lastIndexOf(" of "));
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return answer.body().contains("\"" + field) || answer.body().contains("." + field) ? Optional.empty()
                : Optional.of("400 that does not name " + path + ": " + answer.body());
    }

    private List<Variant> variants(JsonNode document, String template, JsonNode op) {
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
        List<Variant> out = new ArrayList<>();
        String plainPath = fill(document, template, parameters, null);
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            if ("path".equals(p.path("in").asText())) {
                out.add(new Variant("path %00", "path " + name + "=%00", fill(document, template, parameters, name), null, null));
            } else if ("query".equals(p.path("in").asText())) {
                out.add(new Variant("query %00", "query " + name + "=%00", plainPath + "?" + name + "=" + NUL_IN_URL, null, null));
            }
        }
        JsonNode content = resolve(document, op.path("requestBody")).path("content");
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                JsonNode sample = sample(document, content.path(type).path("schema"), 0);
                for (Map.Entry<String, JsonNode> leaf : textLeaves(sample).entrySet()) {
                    out.add(new Variant("json \\u0000", "json " + leaf.getKey() + "=\\u0000", plainPath, type,
                            write(replaced(sample, leaf.getValue(), NUL_IN_TEXT), null)));
                }
                for (Map.Entry<String, Integer> limit : maxLengths(document, content.path(type).path("schema"), "", 0).entrySet()) {
                    JsonNode leaf = textLeaves(sample).get(limit.getKey());
                    if (leaf != null) {
                        out.add(new Variant("json too long", "json " + limit.getKey() + " of " + (limit.getValue() + 1)
                                + " characters", plainPath, type, write(replaced(sample, leaf, "x".repeat(limit.getValue() + 1)), null)));
                    }
                }
                for (Map.Entry<String, ObjectNode> object : objects(sample).entrySet()) {
                    out.add(new Variant("json repeated key", "json " + object.getKey() + " repeats a key", plainPath, type,
                            write(sample, object.getValue())));
                }
            } else if (type.startsWith("text/")) {
                String row = NUL_IN_TEXT + "," + NUL_IN_TEXT + "\r\n";
                out.add(new Variant("text \\u0000", type + " cells with \\u0000", plainPath, type, row + row));
            }
        }
        return out;
    }

    private String fill(JsonNode document, String template, List<JsonNode> parameters, String nulIn) {
        String path = template;
        for (JsonNode p : parameters) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            String value = name.equals(nulIn) ? NUL_IN_URL
                    : pathValues.getOrDefault(name, sample(document, p.path("schema"), 0).asText());
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private List<Caller> callersOf(JsonNode op) {
        List<Caller> out = new ArrayList<>();
        out.add(new Caller("anonymous", null, Set.of()));
        JsonNode security = op.path("security");
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(r -> roles.add(r.asText()))));
        for (Caller c : callers.values()) {
            if (security.isMissingNode() || security.isEmpty() || roles.isEmpty()
                    || c.roles.stream().anyMatch(roles::contains)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A value of the schema's type that Jackson reads without complaint, so that the fault is the only one. */
    private static JsonNode sample(JsonNode document, JsonNode schemaRef, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode schema = resolve(document, schemaRef);
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composite) && schema.get(composite).size() > 0) {
                return sample(document, schema.get(composite).get(0), depth);
            }
        }
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
                return f.numberNode(1);
            case "number":
                return f.numberNode(1);
            case "boolean":
                return f.booleanNode(true);
            case "array": {
                ArrayNode array = f.arrayNode();
                array.add(sample(document, schema.path("items"), depth + 1));
                return array;
            }
            case "object": {
                ObjectNode object = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(document, p.getValue(), depth + 1)));
                if (object.isEmpty() && schema.path("additionalProperties").isObject()) {
                    object.set("probe", sample(document, schema.path("additionalProperties"), depth + 1));
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

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** Every text value of the sample, by its path. */
    private static Map<String, JsonNode> textLeaves(JsonNode sample) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        walk(sample, "", (path, node) -> {
            if (node.isTextual()) {
                leaves.put(path.isEmpty() ? "(body)" : path, node);
            }
        });
        return leaves;
    }

    /** Every object of the sample with at least one key, by its path. */
    private static Map<String, ObjectNode> objects(JsonNode sample) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        walk(sample, "", (path, node) -> {
            if (node instanceof ObjectNode o && !o.isEmpty()) {
                objects.put(path.isEmpty() ? "(body)" : path, o);
            }
        });
        return objects;
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        visitor.visit(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    /** A copy of the sample with this one text value replaced. */
    private static JsonNode replaced(JsonNode sample, JsonNode leaf, String text) {
        if (sample == leaf) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (sample instanceof ObjectNode o) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            o.fields().forEachRemaining(e -> copy.set(e.getKey(), replaced(e.getValue(), leaf, text)));
            return copy;
        }
        if (sample instanceof ArrayNode a) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            a.forEach(e -> copy.add(replaced(e, leaf, text)));
            return copy;
        }
        return sample;
    }

    /** The {@code maxLength} of every text field of the schema, by the path {@link #textLeaves} gives it. */
    private static Map<String, Integer> maxLengths(JsonNode document, JsonNode schemaRef, String path, int depth) {
        Map<String, Integer> out = new LinkedHashMap<>();
        JsonNode schema = resolve(document, schemaRef);
        if (depth > MAX_DEPTH) {
            return out;
        }
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composite) && schema.get(composite).size() > 0) {
                return maxLengths(document, schema.get(composite).get(0), path, depth);
            }
        }
        if (schema.has("maxLength") && !schema.has("enum")) {
            out.put(path.isEmpty() ? "(body)" : path, schema.get("maxLength").asInt());
        }
        schema.path("properties").fields().forEachRemaining(p -> out.putAll(maxLengths(document, p.getValue(),
                path.isEmpty() ? p.getKey() : path + "." + p.getKey(), depth + 1)));
        if (schema.has("items")) {
            out.putAll(maxLengths(document, schema.get("items"), path + "[0]", depth + 1));
        }
        return out;
    }

    /** The JSON text of the sample; the object {@code repeating} (if any) gets its first key again at its end. */
    private static String write(JsonNode sample, ObjectNode repeating) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            write(g, sample, repeating);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node, ObjectNode repeating) throws IOException {
        if (node instanceof ObjectNode o) {
            g.writeStartObject();
            Map.Entry<String, JsonNode> first = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                first = first == null ? e : first;
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), repeating);
            }
            if (o == repeating && first != null) {
                g.writeFieldName(first.getKey()); // the generator does not check for duplicates
                write(g, first.getValue(), null);
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray();
            for (JsonNode e : a) {
                write(g, e, repeating);
            }
            g.writeEndArray();
        } else {
            JSON.writeTree(g, node);
        }
    }

    // --- what came back -----------------------------------------------------------------------

    /** Empty when the answer is a client error told properly, else why not. */
    private static Optional<String> judge(HttpResponse<String> answer, Map<String, Integer> types) {
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        String excerpt = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (status < 400 || status >= 500) {
            return Optional.of(excerpt.isEmpty() ? "(empty body)" : excerpt);
        }
        if (status == 401) {
            types.merge("401 challenge", 1, Integer::sum);
            return answer.headers().firstValue("WWW-Authenticate").isPresent() ? Optional.empty()
                    : Optional.of("401 without a WWW-Authenticate challenge");
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return Optional.of("not problem details (" + contentType + "): " + excerpt);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("problem details that are not JSON: " + excerpt);
        }
        if (!problem.path("type").isTextual() || problem.path("status").asInt() != status) {
            return Optional.of("problem details without a type or with another status: " + excerpt);
        }
        types.merge(status + " " + problem.get("type").asText(), 1, Integer::sum);
        return Optional.empty();
    }

    private HttpResponse<String> send(String method, String target, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + target))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String base() {
        String s = root.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }
}

package city.yingzao.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sends malformed input to every operation of a running service, as its OpenAPI document
 * ({@code /q/openapi?format=json}) describes them, and collects every answer that is not a client
 * error told as problem details; with {@link #unchangedTables}, also every table whose rows changed.
 *
 * <p>The classes of input, each a named case (the {@code kind} counted in {@link Result#variants()}; a
 * {@link Finding} names the case, the parameter or field, and the caller):
 * <ul>
 * <li>{@code path %00}, {@code query %00}: a NUL ({@code %00}) in each path and query parameter;</li>
 * <li>{@code path wrong type}: a path value not of its declared type (a non-number for an integer,
 * a non-UUID for a uuid, an unknown value for an enum); {@code path overflow}: a number one past a long
 * ({@code 9223372036854775808}); {@code path too long}: 2,000 characters; {@code path ..%2F}: {@code ..%2F};</li>
 * <li>{@code query wrong type} (a non-number, non-boolean, non-UUID, non-date as its schema says),
 * {@code query unknown enum}, {@code query negative} ({@code -1} for a number: page sizes, years, pages),
 * {@code query overflow} ({@code 9223372036854775808});</li>
 * <li>for a JSON body: {@code json \u0000} (a NUL in each text field), {@code json too long} (each text
 * field one past its {@code maxLength}; the refusal must name the field), {@code json repeated key} (each
 * object repeats a key), {@code json not json}, {@code json array for object} (and an object where an
 * array is expected), {@code json wrong type} (each field as each other JSON kind: string, number,
 * object, array, boolean), {@code json required missing} and {@code json required null} (each field the
 * schema requires), {@code json number overflow} ({@code 1e400}, {@code 9223372036854775808}) and
 * {@code json bad number} ({@code "NaN"}; {@code -0} where the schema's minimum is above 0, since elsewhere
 * it is just 0) in each number field, {@code json huge string}
 * (1 MiB in the first text field), {@code json deep nesting} (2,000 nested arrays; Jackson's
 * {@code StreamReadConstraints} must refuse it as a 400, not overflow the stack), {@code json empty body}
 * (unless the document says the body is not {@code required});
 * the huge and deep bodies once per operation;</li>
 * <li>{@code content type}: a JSON operation's body sent as {@code text/plain}, {@code application/xml},
 * {@code application/x-www-form-urlencoded} and with no {@code Content-Type} at all;</li>
 * <li>{@code text \u0000}: for a CSV or text body, cells holding a NUL.</li>
 * </ul>
 * The first three classes (NUL, too long, repeated key) go out once per caller whose roles the operation
 * allows (the roles the document lists under {@code security}; every caller when it lists none) and once
 * anonymously. The others, to keep the run short, go out as the operation's authorised caller (the
 * first allowed) and its scoped caller (the first other allowed caller whose token carries a
 * {@code community}, {@code district}, {@code org} or {@code household} claim), and anonymously only
 * where the operation is open to anyone. A run must include a scoped caller.
 *
 * <p>Every answer must be a 4xx: a 401 with its {@code WWW-Authenticate} challenge, anything else
 * {@code application/problem+json} with a {@code type} and the same {@code status}. Anything else is a
 * finding: a 5xx above all, and a 2xx to a malformed write ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}). A 2xx to a malformed read is a finding for the NUL classes; for the others it is counted
 * ({@code "2xx read (tolerated)"} in {@link Result#problemTypes()}) but tolerated: a read may answer an empty
 * list for a value that names nothing, and changes nothing. With {@link #unchangedTables} the probe takes a fingerprint of every table
 * of the schema, as the catalog lists them (per table: row count and the sum of
 * {@code hashtext(xmin || row)}, so an update that writes the same values counts too), before and after
 * the run, each once the database is quiet, and reports every table that differs.
 *
 * <pre>{@code
 * @TestHTTPResource("/") URI root;
 *
 * MalformedInputProbe.against(root)
 *         .caller("operator", TestTokens.user("o").roles("city-operator").sign(), "city-operator")
 *         .caller("staff", TestTokens.user("s").roles("community-staff").communities("C1").sign(), "community-staff")
 *         .pathValue("code", "C1")
 *         .unchangedTables("public")
 *         .run().assertClean();
 * }</pre>
 */
public final class MalformedInputProbe {

    /** A NUL in a URL, percent-encoded. */
    public static final String NUL_IN_URL = "probe%00";
    /** A NUL in a JSON or CSV text. */
    public static final String NUL_IN_TEXT = "probe\u0000";
    /** One past the largest long. */
    public static final String PAST_LONG = "9223372036854775808";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> SCOPE_CLAIMS = Set.of("community", "district", "org", "household");
    private static final int MAX_DEPTH = OpenApiSamples.MAX_DEPTH;
    private static final int HUGE = 1 << 20;
    private static final int DEEP = 2_000;
    private static final int LONG_PATH_VALUE = 2_000;

    private final URI root;
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private ConnectionSource database;
    private String schema;

    private record Caller(String name, String token, Set<String> roles, boolean scoped) {
    }

    /** Opens a connection to the service's database, e.g. {@code TestPostgres::connect}. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** One request that did not answer as a client error in problem details. */
    public record Finding(String method, String path, String variant, String caller, int status, String answer) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " [" + variant + "] as " + caller + " -> " + status + " " + answer;
        }
    }

    /**
     * What the probe sent and what it found: operations and requests, requests per case, answers per problem
     * type, requests per caller, the findings, how many tables were fingerprinted and those that changed.
     */
    public record Result(int operations, int requests, Map<String, Integer> variants, Map<String, Integer> problemTypes,
                         List<Finding> findings, Map<String, Integer> callers, Set<String> scopedCallers, int tables,
                         List<String> changedTables, Duration took) {

        /** One line for the test's report: what was sent, what came back. */
        public String summary() {
            return operations + " operations, " + requests + " requests in " + took.toMillis() + " ms " + variants
                    + ", as " + callers + " (scoped: " + scopedCallers + "), answers " + problemTypes + ", "
                    + findings.size() + " finding(s), " + tables + " table(s) fingerprinted, " + changedTables.size() + " changed";
        }

        /**
         * Fails listing every finding and every changed table; also fails when nothing was probed, or nothing as a
         * scoped caller, so that it cannot pass vacuously.
         */
        public Result assertClean() {
            if (operations == 0 || requests == 0) {
                throw new AssertionError("the probe found no operation to send malformed input to");
            }
            StringBuilder message = new StringBuilder();
            if (!findings.isEmpty()) {
                message.append(findings.size()).append(" of ").append(requests)
                        .append(" malformed requests were not answered with a 4xx problem:");
                findings.stream().limit(40).forEach(f -> message.append("\n  ").append(f));
                if (findings.size() > 40) {
                    message.append("\n  … and ").append(findings.size() - 40).append(" more");
                }
            }
            if (!changedTables.isEmpty()) {
                message.append(message.length() == 0 ? "" : "\n").append("malformed requests changed rows of ")
                        .append(changedTables.size()).append(" table(s):");
                changedTables.forEach(t -> message.append("\n  ").append(t));
            }
            if (scopedCallers.isEmpty()) {
                message.append(message.length() == 0 ? "" : "\n")
                        .append("no request went out as a scoped caller (a token with a community, district, org or household claim)");
            }
            if (message.length() > 0) {
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
        callers.put(name, new Caller(name, token, Set.of(roles), scoped(token)));
        return this;
    }

    /** The value to put in path parameter {@code name} where it is not the one carrying the fault (default by schema). */
    public MalformedInputProbe pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Leaves out one operation, e.g. {@code skip("get", "/api/probe/crash")}; say why at the call. */
    public MalformedInputProbe skip(String method, String path) {
        skipped.add(method.toLowerCase() + " " + path);
        return this;
    }

    /** Every table of this schema of the test JVM's {@link TestPostgres} must hold the same rows after the run. */
    public MalformedInputProbe unchangedTables(String schema) {
        return unchangedTables(TestPostgres::connect, schema);
    }

    /** Every table of this schema (as {@code pg_class} lists them) must hold the same rows after the run. */
    public MalformedInputProbe unchangedTables(ConnectionSource database, String schema) {
        this.database = database;
        this.schema = schema;
        return this;
    }

    public Result run() {
        long started = System.nanoTime();
        JsonNode document = read(send("GET", "/q/openapi?format=json", null, null, null).body());
        Map<String, String> before = database == null ? Map.of() : quietFingerprint();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> variants = new TreeMap<>();
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Integer> byCaller = new TreeMap<>();
        Set<String> scoped = new TreeSet<>();
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
                List<Caller> every = callersOf(op.getValue());
                List<Caller> few = fewCallers(op.getValue(), every);
                for (Variant v : toSend) {
                    for (Caller caller : v.everyCaller ? every : few) {
                        counts[1]++;
                        variants.merge(v.kind, 1, Integer::sum);
                        byCaller.merge(caller.name, 1, Integer::sum);
                        if (caller.scoped) {
                            scoped.add(caller.name);
                        }
                        HttpResponse<String> answer = send(method.toUpperCase(), v.target, v.contentType, v.body,
                                caller.token);
                        if (!v.everyCaller && method.equals("get") && answer.statusCode() >= 200 && answer.statusCode() < 300) {
                            types.merge("2xx read (tolerated)", 1, Integer::sum); // e.g. an empty list for a code that is no code
                            continue;
                        }
                        judge(method, answer, types).or(() -> namesField(v, answer)).ifPresent(reason -> findings.add(
                                new Finding(method, path.getKey(), v.name, caller.name, answer.statusCode(), reason)));
                    }
                }
            }
        }
        List<String> changed = new ArrayList<>();
        if (database != null) {
            Map<String, String> after = quietFingerprint();
            Set<String> names = new TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String table : names) {
                if (!Objects.equals(before.get(table), after.get(table))) {
                    changed.add(table + ": rows and sum of hashes " + before.get(table) + " before, " + after.get(table) + " after");
                }
            }
        }
        return new Result(counts[0], counts[1], variants, types, findings, byCaller, scoped, before.size(), changed,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The authorised caller of the operation, its scoped caller, and anonymous where the operation is open to anyone. */
    private static List<Caller> fewCallers(JsonNode op, List<Caller> every) {
        List<Caller> out = new ArrayList<>();
        List<Caller> named = every.stream().filter(c -> c.token != null).toList();
        if (named.isEmpty() || !op.has("security") || op.path("security").isEmpty()) {
            out.add(every.get(0)); // anonymous
        }
        if (!named.isEmpty()) {
            out.add(named.get(0));
            named.stream().skip(1).filter(Caller::scoped).findFirst()
                    .or(() -> named.get(0).scoped ? Optional.empty() : named.stream().filter(Caller::scoped).findFirst())
                    .ifPresent(out::add);
        }
        return out;
    }

    /** A token carries scope when its payload holds a community, district, org or household claim. */
    private static boolean scoped(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return SCOPE_CLAIMS.stream().anyMatch(c -> claims.hasNonNull(c) && !(claims.get(c).isArray() && claims.get(c).isEmpty()));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // --- the tables -----------------------------------------------------------------------------

    /**
     * The fingerprint once readings half a second apart have agreed for 1.5 s (at most 30 s): longer than the
     * fastest background job of any service's test profile (1 s), so work that was due has been done.
     */
    private Map<String, String> quietFingerprint() {
        Map<String, String> last = fingerprint();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int agreeing = 0;
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Map<String, String> next = fingerprint();
            agreeing = next.equals(last) ? agreeing + 1 : 0;
            if (agreeing == 3 || System.nanoTime() > deadline) {
                return next;
            }
            last = next;
        }
    }

    /** Per table of the schema (the catalog's list, not a hand list): row count and sum of hashtext(xmin:row). */
    private Map<String, String> fingerprint() {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = database.open()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ? and c.relkind = 'r' order by c.relname")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                String name = quote(schema) + "." + quote(table);
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select count(*), coalesce(sum(hashtext(t.xmin::text || ':' || t::text)::bigint), 0)"
                             + " from " + name + " t")) {
                    rs.next();
                    out.put(table, rs.getLong(1) + "/" + rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fingerprint the tables of schema " + schema, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("schema " + schema + " has no table to fingerprint");
        }
        return out;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    // --- what to send -------------------------------------------------------------------------

    /** One request to send; {@code everyCaller}: as every allowed caller and anonymously, else as {@link #fewCallers}. */
    private record Variant(String kind, String name, String target, String contentType, String body, boolean everyCaller) {
        Variant(String kind, String name, String target, String contentType, String body) {
            this(kind, name, target, contentType, body, false);
        }
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
        op.path("parameters").forEach(p -> parameters.add(OpenApiSamples.resolve(document, p)));
        List<Variant> out = new ArrayList<>();
        String plainPath = fill(document, template, parameters, null, null);
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            JsonNode schema = OpenApiSamples.resolve(document, p.path("schema"));
            if ("path".equals(p.path("in").asText())) {
                out.add(new Variant("path %00", "path " + name + "=%00", fill(document, template, parameters, name, NUL_IN_URL),
                        null, null, true));
                wrongValue(schema).ifPresent(bad -> out.add(new Variant("path wrong type", "path " + name + "=" + bad,
                        fill(document, template, parameters, name, bad), null, null)));
                if (isNumber(schema)) {
                    out.add(new Variant("path overflow", "path " + name + "=" + PAST_LONG,
                            fill(document, template, parameters, name, PAST_LONG), null, null));
                }
                out.add(new Variant("path too long", "path " + name + " of " + LONG_PATH_VALUE + " characters",
                        fill(document, template, parameters, name, "x".repeat(LONG_PATH_VALUE)), null, null));
                out.add(new Variant("path ..%2F", "path " + name + "=..%2F", fill(document, template, parameters, name, "..%2F"),
                        null, null));
            } else if ("query".equals(p.path("in").asText())) {
                String query = plainPath + "?" + name + "=";
                out.add(new Variant("query %00", "query " + name + "=%00", query + NUL_IN_URL, null, null, true));
                if (schema.has("enum")) {
                    out.add(new Variant("query unknown enum", "query " + name + "=NO_SUCH_VALUE", query + "NO_SUCH_VALUE", null, null));
                } else {
                    wrongValue(schema).ifPresent(bad -> out.add(new Variant("query wrong type", "query " + name + "=" + bad,
                            query + bad, null, null)));
                }
                if (isNumber(schema)) {
                    out.add(new Variant("query negative", "query " + name + "=-1", query + "-1", null, null));
                    out.add(new Variant("query overflow", "query " + name + "=" + PAST_LONG, query + PAST_LONG, null, null));
                }
            }
        }
        JsonNode content = OpenApiSamples.resolve(document, op.path("requestBody")).path("content");
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                JsonNode schema = content.path(type).path("schema");
                JsonNode sample = OpenApiSamples.sample(document, schema, true);
                for (Map.Entry<String, JsonNode> leaf : textLeaves(sample).entrySet()) {
                    out.add(new Variant("json \\u0000", "json " + leaf.getKey() + "=\\u0000", plainPath, type,
                            write(replaced(sample, leaf.getValue(), NUL_IN_TEXT), null), true));
                }
                for (Map.Entry<String, Integer> limit : maxLengths(document, schema, "", 0).entrySet()) {
                    JsonNode leaf = textLeaves(sample).get(limit.getKey());
                    if (leaf != null) {
                        out.add(new Variant("json too long", "json " + limit.getKey() + " of " + (limit.getValue() + 1)
                                + " characters", plainPath, type, write(replaced(sample, leaf, "x".repeat(limit.getValue() + 1)), null),
                                true));
                    }
                }
                for (Map.Entry<String, ObjectNode> object : objects(sample).entrySet()) {
                    out.add(new Variant("json repeated key", "json " + object.getKey() + " repeats a key", plainPath, type,
                            write(sample, object.getValue()), true));
                }
                boolean required = OpenApiSamples.resolve(document, op.path("requestBody")).path("required").asBoolean(true);
                out.addAll(jsonVariants(document, schema, sample, plainPath, type, required));
            } else if (type.startsWith("text/")) {
                String row = NUL_IN_TEXT + "," + NUL_IN_TEXT + "\r\n";
                out.add(new Variant("text \\u0000", type + " cells with \\u0000", plainPath, type, row + row, true));
            }
        }
        return out;
    }

    /** The classes beyond NUL, length and repeated keys, for one JSON body type of one operation. */
    private static List<Variant> jsonVariants(JsonNode document, JsonNode schemaRef, JsonNode sample, String target, String type,
                                              boolean bodyRequired) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Variant> out = new ArrayList<>();
        String valid = write(sample, null);
        out.add(new Variant("json not json", "json body { not json", target, type, "{ not json"));
        if (sample.isObject()) {
            out.add(new Variant("json array for object", "json body [ object ] for an object", target, type, "[" + valid + "]"));
        } else if (sample.isArray()) {
            out.add(new Variant("json array for object", "json body { } for an array", target, type, "{}"));
        }
        if (bodyRequired) { // an optional body ({@code required: false}) may be left out: that is no malformed request
            out.add(new Variant("json empty body", "json body empty", target, type, ""));
        }
        for (Field field : fields(document, schemaRef, sample, List.of(), 0)) {
            for (Map.Entry<String, JsonNode> kind : otherKinds(field.value()).entrySet()) {
                out.add(new Variant("json wrong type", "json " + field.path() + " as " + kind.getKey(), target, type,
                        write(at(sample, field.at(), kind.getValue()), null)));
            }
            if (field.required()) {
                out.add(new Variant("json required missing", "json " + field.path() + " missing", target, type,
                        write(at(sample, field.at(), null), null)));
                out.add(new Variant("json required null", "json " + field.path() + " null", target, type,
                        write(at(sample, field.at(), f.nullNode()), null)));
            }
            if (field.value().isNumber()) {
                for (String number : List.of("1e400", PAST_LONG)) {
                    out.add(new Variant("json number overflow", "json " + field.path() + "=" + number, target, type,
                            write(at(sample, field.at(), f.rawValueNode(new RawValue(number))), null)));
                }
                if (field.minimum().filter(min -> min > 0).isPresent()) { // where 0 is allowed, -0 is just 0
                    out.add(new Variant("json bad number", "json " + field.path() + "=-0", target, type,
                            write(at(sample, field.at(), f.rawValueNode(new RawValue("-0"))), null)));
                }
                out.add(new Variant("json bad number", "json " + field.path() + "=\"NaN\"", target, type,
                        write(at(sample, field.at(), f.textNode("NaN")), null)));
            }
        }
        textLeaves(sample).entrySet().stream().findFirst().ifPresent(leaf -> out.add(new Variant("json huge string",
                "json " + leaf.getKey() + " of 1 MiB", target, type, write(replaced(sample, leaf.getValue(), "x".repeat(HUGE)), null))));
        String deep = "[".repeat(DEEP) + "]".repeat(DEEP);
        String nested = sample.isObject() && sample.size() > 0
                ? "{\"" + sample.fieldNames().next() + "\":" + deep + "}" : deep;
        out.add(new Variant("json deep nesting", "json " + DEEP + " nested arrays", target, type, nested));
        for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            out.add(new Variant("content type", "content type " + wrong, target, wrong, valid));
        }
        out.add(new Variant("content type", "content type missing", target, null, valid));
        return out;
    }

    /** A field of the sample (a property of one of its objects, at most {@link #MAX_DEPTH} deep). */
    private record Field(String path, List<Object> at, JsonNode value, boolean required, Optional<Double> minimum) {
    }

    private static List<Field> fields(JsonNode document, JsonNode schemaRef, JsonNode sample, List<Object> at, int depth) {
        List<Field> out = new ArrayList<>();
        JsonNode schema = OpenApiSamples.composite(document, OpenApiSamples.resolve(document, schemaRef));
        if (depth > MAX_DEPTH) {
            return out;
        }
        if (sample instanceof ObjectNode o) {
            Set<String> required = new LinkedHashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            o.fields().forEachRemaining(e -> {
                List<Object> here = new ArrayList<>(at);
                here.add(e.getKey());
                JsonNode property = schema.path("properties").has(e.getKey()) ? schema.path("properties").get(e.getKey())
                        : schema.path("additionalProperties");
                JsonNode resolved = OpenApiSamples.composite(document, OpenApiSamples.resolve(document, property));
                Optional<Double> minimum = resolved.has("exclusiveMinimum") && resolved.get("exclusiveMinimum").isNumber()
                        ? Optional.of(resolved.get("exclusiveMinimum").asDouble() + 1e-9)
                        : resolved.has("minimum") ? Optional.of(resolved.get("minimum").asDouble()) : Optional.empty();
                out.add(new Field(pathOf(here), here, e.getValue(), required.contains(e.getKey()), minimum));
                out.addAll(fields(document, property, e.getValue(), here, depth + 1));
            });
        } else if (sample instanceof ArrayNode a && a.size() > 0) {
            List<Object> here = new ArrayList<>(at);
            here.add(0);
            out.addAll(fields(document, schema.path("items"), a.get(0), here, depth + 1));
        }
        return out;
    }

    private static String pathOf(List<Object> at) {
        StringBuilder out = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(step);
            }
        }
        return out.toString();
    }

    /** The value as each other JSON kind (string, number, object, array, boolean). */
    private static Map<String, JsonNode> otherKinds(JsonNode value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> kinds = new LinkedHashMap<>();
        kinds.put("string", f.textNode("probe"));
        kinds.put("number", f.numberNode(7));
        kinds.put("object", f.objectNode().put("probe", 1));
        kinds.put("array", f.arrayNode().add("probe"));
        kinds.put("boolean", f.booleanNode(true));
        kinds.remove(value.isTextual() ? "string" : value.isNumber() ? "number" : value.isObject() ? "object"
                : value.isArray() ? "array" : value.isBoolean() ? "boolean" : "");
        return kinds;
    }

    /** A copy of the sample with the value at {@code at} replaced ({@code null}: the key removed). */
    private static JsonNode at(JsonNode sample, List<Object> at, JsonNode value) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy;
        for (Object step : at.subList(0, at.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove((String) last);
            } else {
                o.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (value == null) {
                a.remove((Integer) last);
            } else {
                a.set((Integer) last, value);
            }
        }
        return copy;
    }

    private static boolean isNumber(JsonNode schema) {
        String type = schema.path("type").asText("");
        return type.equals("integer") || type.equals("number");
    }

    /** A value that is not of the parameter's type, when there is one (any text is a string). */
    private static Optional<String> wrongValue(JsonNode schema) {
        if (schema.has("enum")) {
            return Optional.of("NO_SUCH_VALUE");
        }
        return switch (schema.path("type").asText("")) {
            case "integer", "number" -> Optional.of("not-a-number");
            case "boolean" -> Optional.of("maybe");
            case "string" -> switch (schema.path("format").asText("")) {
                case "uuid" -> Optional.of("not-a-uuid");
                case "date", "date-time" -> Optional.of("yesterday");
                case "int32", "int64" -> Optional.of("not-a-number");
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private String fill(JsonNode document, String template, List<JsonNode> parameters, String faultIn, String fault) {
        String path = template;
        for (JsonNode p : parameters) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            String value = name.equals(faultIn) ? fault
                    : pathValues.getOrDefault(name, OpenApiSamples.sample(document, p.path("schema"), true).asText());
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private List<Caller> callersOf(JsonNode op) {
        List<Caller> out = new ArrayList<>();
        out.add(new Caller("anonymous", null, Set.of(), false));
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
        JsonNode schema = OpenApiSamples.resolve(document, schemaRef);
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
    private static Optional<String> judge(String method, HttpResponse<String> answer, Map<String, Integer> types) {
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        String excerpt = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (status >= 200 && status < 300 && WRITES.contains(method)) {
            return Optional.of("a malformed write accepted: " + (excerpt.isEmpty() ? "(empty body)" : excerpt));
        }
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

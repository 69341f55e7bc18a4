package city.yingzao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tenant isolation of every operation of a running service, generated from its OpenAPI document
 * ({@code /q/openapi?format=json}) and the scope the service's test declares.
 *
 * <p>The test builds a fixture of tenant A (community A1 in district D1, organisation O1, a household
 * of A1) through the API and names the path and query values that point at A's resources. The probe
 * then makes, for every scoped role, one caller of tenant A and one of tenant B (community A2 in
 * district D2, organisation O2): the same role, the other tenant's claims. It calls every operation
 * of the document with A's values:
 * <ol>
 *     <li>as each caller of B whose role the operation's {@code security} lets in: every answer must
 *     be a 403 or 404 problem, and no table of the service's database may change (a fingerprint of
 *     every table in the catalog, row count and content hash, before and after each operation);</li>
 *     <li>then as each caller of A (and any {@link #insider} the test adds): at least one gets past
 *     the scope, a 2xx or a 409/422 problem of a rule or of the resource's state, else the refusal
 *     above proves nothing (the values may point at nothing); and every group of operations (the
 *     OpenAPI tag, a resource) gives A at least one 2xx.</li>
 * </ol>
 * An operation that B's caller reaches is a finding unless the test declares it {@link #publicRead}
 * or {@link #cityWide} or {@link #callersOwn} (then no answer may name A's {@link #identifiers}), saying why; one A never reaches is a finding unless declared
 * {@link #unreachable}. So a new endpoint without a scope check fails the build of its service.
 * Operations whose {@code security} lets in no scoped role (city operator, auditor only) are refused
 * at the door to every tenant's caller; they are counted, and called once as B to prove it.
 *
 * <pre>{@code
 * IsolationProbe.against(root)
 *         .tenants(IsolationProbe.Tenant.of("A1", "D1", "O1", "H0001"), IsolationProbe.Tenant.of("A2", "D2", "O2", "H0001"))
 *         .value("code", "A1").value("project", projectId)
 *         .body("POST /api/communities/{code}/projects", Map.of("title", "…"))
 *         .publicRead("GET /api/public/*", "disclosure: anyone may read it")
 *         .run().assertIsolated();
 * }</pre>
 */
public final class IsolationProbe {

    /** The realm roles whose callers carry a tenant: everything but the city operator and the auditor. */
    public static final List<String> SCOPED_ROLES = List.of("district-operator", "community-staff", "party-reviewer",
            "council-member", "resident", "agency", "reviewer", "evaluator", "supervisor", "trainer");

    /** Bookkeeping tables that other work changes while the probe runs (relay, consumers, migrations). */
    public static final List<String> BOOKKEEPING = List.of("flyway_schema_history", "processed_event");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    private final URI root;
    private Tenant own;
    private Tenant other;
    private List<String> scopedRoles = SCOPED_ROLES;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final List<String> last = new ArrayList<>();
    private final Map<String, String> publicReads = new LinkedHashMap<>();
    private final Map<String, String> cityWide = new LinkedHashMap<>();
    private final Map<String, String> unreachable = new LinkedHashMap<>();
    private final Map<String, String> callersOwn = new LinkedHashMap<>();
    private final Set<String> identifiers = new LinkedHashSet<>();
    private final List<Caller> extraInsiders = new ArrayList<>();
    private final List<Caller> extraOutsiders = new ArrayList<>();
    private final Set<String> countOnlyTables = new LinkedHashSet<>(List.of("outbox_message"));
    private final Map<String, String> ignoredTables = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The claims of one tenant: a community, the district it lies in, an organisation, a household of the community. */
    public record Tenant(String community, String district, String org, String household) {
        public static Tenant of(String community, String district, String org, String household) {
            return new Tenant(community, district, org, household);
        }

        String token(String username, String role) {
            return TestTokens.user(username).roles(role).communities(community).district(district).org(org)
                    .household(household).sign();
        }
    }

    private record Caller(String name, String token, Set<String> roles) {
    }

    private record Body(String contentType, String text) {
    }

    /** Something the probe found: an operation, who called, what came back, why that is wrong. */
    public record Finding(String operation, String caller, int status, String reason) {
        @Override
        public String toString() {
            return operation + (caller == null ? "" : " as " + caller) + (status == 0 ? "" : " -> " + status) + ": " + reason;
        }
    }

    /** What the probe did and found. */
    public record Result(int operations, int requests, Map<String, Integer> outcomes, List<String> refusedAtDoor,
                         Map<String, String> declared, List<Finding> findings) {

        public String summary() {
            return operations + " operations, " + requests + " requests, outcomes " + outcomes + ", "
                    + refusedAtDoor.size() + " refused at the door to every scoped role, " + declared.size()
                    + " declared, " + findings.size() + " finding(s)";
        }

        /** Fails listing every finding; fails too when nothing was probed, so it cannot pass vacuously. */
        public Result assertIsolated() {
            if (operations == 0 || requests == 0) {
                throw new AssertionError("the isolation probe found no operation to call");
            }
            if (!findings.isEmpty()) {
                StringBuilder message = new StringBuilder(findings.size() + " isolation finding(s) ("
                        + summary() + "):");
                findings.forEach(f -> message.append("\n  ").append(f));
                throw new AssertionError(message.toString());
            }
            return this;
        }
    }

    private IsolationProbe(URI root) {
        this.root = root;
    }

    /** The service under test, usually {@code @TestHTTPResource("/") URI root}. */
    public static IsolationProbe against(URI root) {
        return new IsolationProbe(root);
    }

    /** Tenant A, whose fixture the values point at, and tenant B, whose callers must not reach it. */
    public IsolationProbe tenants(Tenant own, Tenant other) {
        this.own = own;
        this.other = other;
        return this;
    }

    /** Narrows (or widens) the roles that get one caller per tenant; default {@link #SCOPED_ROLES}. */
    public IsolationProbe scopedRoles(String... roles) {
        this.scopedRoles = List.of(roles);
        return this;
    }

    /** A further caller of tenant A (a chair, the trainer of a session, …) for the reachability pass. */
    public IsolationProbe insider(String name, String token, String... roles) {
        extraInsiders.add(new Caller(name, token, Set.of(roles)));
        return this;
    }

    /** A further caller of tenant B (a reviewer assigned elsewhere, …) for the refusal pass. */
    public IsolationProbe outsider(String name, String token, String... roles) {
        extraOutsiders.add(new Caller(name, token, Set.of(roles)));
        return this;
    }

    /** The value of path or query parameter {@code name}: one of A's resources. */
    public IsolationProbe value(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    /** The whole path (and query) to call for one operation, where the shared {@link #value}s do not fit it. */
    public IsolationProbe target(String operation, String pathAndQuery) {
        targets.put(operation, pathAndQuery);
        return this;
    }

    /** Operations A's callers call last, in this order, because they end what others need (close a round, end a year). */
    public IsolationProbe reachLast(String... operations) {
        last.addAll(List.of(operations));
        return this;
    }

    /** A valid JSON body for {@code "POST /api/…"} (a Map, a record or a JSON text), so the scope check is what answers. */
    public IsolationProbe body(String operation, Object body) {
        try {
            bodies.put(operation, new Body("application/json",
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A body of another media type, e.g. {@code text/csv}. */
    public IsolationProbe body(String operation, String contentType, String text) {
        bodies.put(operation, new Body(contentType, text));
        return this;
    }

    /** An operation anyone may read (disclosure); a trailing {@code *} declares every path that starts so. */
    public IsolationProbe publicRead(String operation, String why) {
        publicReads.put(operation, why);
        return this;
    }

    /** An operation that is not a tenant's (city-wide policy, the caller's own data, …), with why. */
    public IsolationProbe cityWide(String operation, String why) {
        cityWide.put(operation, why);
        return this;
    }

    /**
     * An operation that answers or changes only the caller's own things (their pool membership, their
     * organisation's list): B's caller gets a 2xx and its own rows may change, but no answer to B may
     * mention any of A's {@link #identifiers}.
     */
    public IsolationProbe callersOwn(String operation, String why) {
        callersOwn.put(operation, why);
        return this;
    }

    /** A's identifiers (ids, codes, titles) that no answer to B's callers may contain, except public reads. */
    public IsolationProbe identifiers(String... values) {
        identifiers.addAll(List.of(values));
        return this;
    }

    /** An operation A's callers cannot get a 2xx from in the probe's fixture, with why. */
    public IsolationProbe unreachable(String operation, String why) {
        unreachable.put(operation, why);
        return this;
    }

    /** A table left out of the fingerprint, with why (e.g. a replica a consumer fills in the background). */
    public IsolationProbe ignoreTable(String table, String why) {
        ignoredTables.put(table, why);
        return this;
    }

    /** The kernel's operations every service serves, declared once with the reason for each. */
    public IsolationProbe kernelOperations() {
        callersOwn("GET /api/me", "the caller's own roles and claims, nobody else's");
        cityWide("GET /api/settings", "service settings are city-wide, no tenant's");
        cityWide("GET /api/settings/{key}", "service settings are city-wide, no tenant's");
        return this;
    }

    public Result run() {
        Objects.requireNonNull(own, "tenants(own, other) first");
        JsonNode document = read(send("GET", "/q/openapi?format=json", null, null).body());
        List<Operation> operations = operations(document);
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> door = new ArrayList<>();
        Map<String, String> declared = new TreeMap<>();
        int requests = 0;
        checkDeclarations(operations, findings);

        List<Caller> outsiders = new ArrayList<>();
        List<Caller> insiders = new ArrayList<>();
        for (String role : scopedRoles) {
            outsiders.add(new Caller(role + " of B", other.token("isolation-b-" + role, role), Set.of(role)));
            insiders.add(new Caller(role + " of A", own.token("isolation-a-" + role, role), Set.of(role)));
        }
        outsiders.addAll(extraOutsiders);
        insiders.addAll(extraInsiders);

        // 1. B's callers, before anything of A's changes
        Map<String, Boolean> gotPast = new LinkedHashMap<>();
        for (Operation op : operations) {
            String exempt = declaration(publicReads, op.key);
            exempt = exempt != null ? exempt : declaration(cityWide, op.key);
            String own = declaration(callersOwn, op.key);
            exempt = exempt != null ? exempt : own;
            boolean isPublic = declaration(publicReads, op.key) != null;
            List<Caller> allowed = op.allowed(outsiders);
            if (allowed.isEmpty()) {
                door.add(op.key);
                allowed = List.of(outsiders.get(0));
            }
            Map<String, Long> before = fingerprint();
            boolean reached = false;
            for (Caller caller : allowed) {
                requests++;
                HttpResponse<String> answer = send(op.method, op.target, op.body, caller.token);
                String outcome = outcome(answer);
                outcomes.merge("B " + outcome, 1, Integer::sum);
                if (answer.statusCode() < 300) {
                    reached = true;
                    String body = answer.body() == null ? "" : answer.body();
                    if (!isPublic) {
                        identifiers.stream().filter(body::contains).findFirst().ifPresent(leak -> findings.add(new Finding(op.key,
                                caller.name, answer.statusCode(), "the answer to another tenant's caller names A's " + leak)));
                    }
                }
                if (exempt == null && !outcome.startsWith("403 ") && !outcome.startsWith("404 ")) {
                    findings.add(new Finding(op.key, caller.name, answer.statusCode(),
                            (answer.statusCode() < 300 ? "another tenant's caller reached A's resource"
                                    : answer.statusCode() == 400 ? "refused as bad input before the scope was checked: give a valid body or value"
                                    : "not a 403/404 problem") + " — " + excerpt(answer)));
                }
            }
            Map<String, Long> after = fingerprint();
            if (own == null && !before.equals(after)) {
                findings.add(new Finding(op.key, "tenant B", 0, "tables changed: " + changed(before, after)));
            }
            if (exempt != null) {
                declared.put(op.key, exempt);
            }
            gotPast.put(op.key, reached);
        }

        // 2. A's callers: the fixture is there and reachable (reads first, removals last)
        Set<String> groups = new TreeSet<>();
        Set<String> reachedGroups = new TreeSet<>();
        List<Operation> ordered = new ArrayList<>(operations);
        ordered.sort(Comparator.comparingInt((Operation o) -> last.indexOf(o.key))
                .thenComparingInt(o -> METHODS.indexOf(o.method.toLowerCase())));
        for (Operation op : ordered) {
            String why = declaration(unreachable, op.key);
            boolean exempt = declaration(publicReads, op.key) != null || declaration(cityWide, op.key) != null
                    || declaration(callersOwn, op.key) != null;
            if (door.contains(op.key) && !op.allowedAny(extraInsiders)) {
                continue;
            }
            if (exempt && gotPast.get(op.key)) {
                reachedGroups.add(op.group);
                continue;
            }
            List<String> answers = new ArrayList<>();
            boolean reached = false;
            if (why == null && !exempt) {
                groups.add(op.group);
            }
            for (Caller caller : op.allowed(insiders)) {
                requests++;
                HttpResponse<String> answer = send(op.method, op.target, op.body, caller.token);
                String outcome = outcome(answer);
                outcomes.merge("A " + outcome, 1, Integer::sum);
                answers.add(caller.name + " " + outcome + (answer.statusCode() < 300 ? "" : " " + excerpt(answer)));
                if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                    reached = true;
                    reachedGroups.add(op.group);
                    break;
                }
                // past the door and the scope, refused by a rule or the state of A's resource: it was found
                if ((answer.statusCode() == 409 || answer.statusCode() == 422) && !outcome.contains("(not")) {
                    reached = true;
                }
            }
            if (why != null) {
                declared.put(op.key, why + (reached ? " (reached nonetheless)" : ""));
            } else if (!reached && !exempt) {
                findings.add(new Finding(op.key, null, 0,
                        "no caller of A got a 2xx, so the refusals prove nothing (declare unreachable with why, or fix the values): "
                                + answers));
            }
        }
        groups.forEach(group -> {
            if (!reachedGroups.contains(group)) {
                findings.add(new Finding("group " + group, null, 0, "no operation of the group gave A's callers a 2xx"));
            }
        });
        return new Result(operations.size(), requests, outcomes, door, declared, findings);
    }

    // --- the operations ---------------------------------------------------------------------

    private final class Operation {
        final String key;
        final String group;
        final String method;
        final String target;
        final Body body;
        final Set<String> roles;
        final boolean everyone;

        Operation(String key, String group, String method, String target, Body body, Set<String> roles, boolean everyone) {
            this.key = key;
            this.group = group;
            this.method = method;
            this.target = target;
            this.body = body;
            this.roles = roles;
            this.everyone = everyone;
        }

        List<Caller> allowed(List<Caller> callers) {
            return callers.stream().filter(c -> everyone || c.roles.stream().anyMatch(roles::contains)).toList();
        }

        boolean allowedAny(List<Caller> callers) {
            return !allowed(callers).isEmpty();
        }
    }

    private List<Operation> operations(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String key = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode security = op.getValue().path("security");
                Set<String> roles = new LinkedHashSet<>();
                security.forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(r -> roles.add(r.asText()))));
                boolean everyone = security.isMissingNode() || security.isEmpty() || roles.isEmpty();
                String group = op.getValue().path("tags").path(0).asText(path.getKey().split("/").length > 2 ? path.getKey().split("/")[2] : path.getKey());
                out.add(new Operation(key, group, op.getKey().toUpperCase(),
                        targets.containsKey(key) ? targets.get(key) : target(document, path.getKey(), op.getValue()),
                        bodies.containsKey(key) ? bodies.get(key) : sampleBody(document, op.getValue()), roles, everyone));
            }
        }
        return out;
    }

    private String target(JsonNode document, String template, JsonNode op) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            JsonNode parameter = OpenApiSamples.resolve(document, p);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String value = values.get(name);
            String given = value != null ? value : OpenApiSamples.sample(document, parameter.path("schema"), false).asText();
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", encode(given));
            } else if ("query".equals(in) && (value != null || parameter.path("required").asBoolean())) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(given));
            }
        }
        return path + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void checkDeclarations(List<Operation> operations, List<Finding> findings) {
        Set<String> keys = new TreeSet<>();
        operations.forEach(o -> keys.add(o.key));
        for (Map<String, String> declarations : List.of(publicReads, cityWide, callersOwn, unreachable)) {
            for (String declared : declarations.keySet()) {
                boolean matches = keys.stream().anyMatch(k -> matches(declared, k));
                if (!matches) {
                    findings.add(new Finding(declared, null, 0, "declared, but the OpenAPI document has no such operation"));
                }
            }
        }
        Set<String> given = new TreeSet<>(bodies.keySet());
        given.addAll(targets.keySet());
        for (String body : given) {
            if (!keys.contains(body)) {
                findings.add(new Finding(body, null, 0, "a body or target for an operation the OpenAPI document does not have"));
            }
        }
    }

    private static String declaration(Map<String, String> declarations, String key) {
        for (Map.Entry<String, String> d : declarations.entrySet()) {
            if (matches(d.getKey(), key)) {
                return d.getValue();
            }
        }
        return null;
    }

    private static boolean matches(String declared, String key) {
        return declared.endsWith("*") ? key.startsWith(declared.substring(0, declared.length() - 1)) : declared.equals(key);
    }

    // --- the fingerprint --------------------------------------------------------------------

    /** Row count and content hash of every table of the service's schema, by table, in one query. */
    private Map<String, Long> fingerprint() {
        try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!BOOKKEEPING.contains(table) && !ignoredTables.containsKey(table)) {
                        tables.add(table);
                    }
                }
            }
            if (tables.isEmpty()) {
                return Map.of();
            }
            StringBuilder sql = new StringBuilder();
            for (String table : tables) {
                sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table).append("', count(*), ")
                        .append(countOnlyTables.contains(table) ? "0::bigint" : "coalesce(sum(hashtext(t::text)::bigint), 0)")
                        .append(" from \"").append(table).append("\" t");
            }
            Map<String, Long> out = new TreeMap<>();
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    out.put(rs.getString(1) + " rows", rs.getLong(2));
                    out.put(rs.getString(1) + " content", rs.getLong(3));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the tables' fingerprint", e);
        }
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                out.add(name.endsWith(" rows") ? name + " " + before.get(name) + " -> " + after.get(name) : name);
            }
        }
        return String.join(", ", out);
    }

    // --- bodies -----------------------------------------------------------------------------

    private static Body sampleBody(JsonNode document, JsonNode op) {
        JsonNode content = OpenApiSamples.resolve(document, op.path("requestBody")).path("content");
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                return new Body(type, OpenApiSamples.sample(document, content.path(type).path("schema"), false).toString());
            }
            if (type.startsWith("text/")) {
                return new Body(type, "code\r\nprobe\r\n");
            }
        }
        return null;
    }

    // --- HTTP -------------------------------------------------------------------------------

    /** {@code "2xx"}, {@code "403 <problem type>"}, … for the tally. */
    private static String outcome(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 300) {
            return status + "";
        }
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return status + " (not a problem)";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            String type = problem.path("type").asText("");
            return status + " " + type.replace("urn:yingzao:problem:", "");
        } catch (IOException e) {
            return status + " (not JSON)";
        }
    }

    private static String excerpt(HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body().replace('\n', ' ');
        return body.length() > 240 ? body.substring(0, 240) + "…" : body;
    }

    private HttpResponse<String> send(String method, String target, Body body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + target))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        boolean withBody = body != null && !method.equals("GET") && !method.equals("DELETE");
        if (withBody) {
            request.header("Content-Type", body.contentType);
        }
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString(body.text) : HttpRequest.BodyPublishers.noBody());
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

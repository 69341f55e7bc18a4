package city.yingzao.grants.api;

import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static city.yingzao.grants.api.Grants.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the status they get (issue 12 §8). "403 scope" is the right
 * role outside the caller's organisation, assignments or teams (problem type out-of-scope); a plain 403
 * is the wrong role. Reads come first, then the writes, each reaching the state it expects; the matrix
 * proves who gets past the door, the other tests what happens inside.
 */
@QuarkusTest
class GrantsSecurityMatrixTest {

    static final int YEAR = 2032;
    static final String DIST = Grants.unique("MD");
    static final String DIST2 = Grants.unique("ME");
    static final String OWN_ORG = Grants.unique("MO");
    static final String OTHER_ORG = Grants.unique("MX");
    static final String REVIEWER = "msr-rev-" + Grants.unique("");
    static final String REVIEWER_OTHER = REVIEWER + "-other";
    static final String THIRD = REVIEWER + "-third";
    static final String SUPERVISOR = "msr-sup-" + Grants.unique("");
    static final Map<String, String> ids = new HashMap<>();

    enum Who {
        ANONYMOUS(() -> null),
        EXPIRED(() -> TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign()),
        STRANGER_SIGNED(() -> TestTokens.signedByStranger("mallory", "city-operator")),
        CITY_OPERATOR(Grants::cityOperator),
        AUDITOR(Grants::auditor),
        DISTRICT_OPERATOR_OWN(() -> TestTokens.user("district-operator").roles("district-operator").district(DIST).sign()),
        AGENCY_OWN(() -> Grants.agency(OWN_ORG)),
        AGENCY_OTHER(() -> Grants.agency(OTHER_ORG)),
        REVIEWER_ASSIGNED(() -> Grants.reviewer(GrantsSecurityMatrixTest.REVIEWER)),
        REVIEWER_OTHER(() -> Grants.reviewer(GrantsSecurityMatrixTest.REVIEWER_OTHER)),
        SUPERVISOR_TEAM(() -> Grants.supervisor(GrantsSecurityMatrixTest.SUPERVISOR)),
        SUPERVISOR_OTHER(() -> Grants.supervisor(GrantsSecurityMatrixTest.SUPERVISOR + "-other")),
        RESIDENT(() -> TestTokens.user("resident").roles("resident").sign());

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    record Endpoint(String method, String label, Supplier<String> path, Supplier<Object> body) {
        @Override
        public String toString() {
            return method + " " + label;
        }
    }

    record Expected(String value) {
        int status() {
            return Integer.parseInt(value.substring(0, 3));
        }

        @Override
        public String toString() {
            return value;
        }
    }

    static final String NO = "403";
    static final String SCOPE = "403 scope";

    static Stream<Arguments> matrix() {
        List<Arguments> c = new ArrayList<>();
        //                                            anon   exp    strngr city   audit  d-own  ag-own ag-oth rv-asg rv-oth sp-tm  sp-oth resid
        row(c, get("/api/programmes/" + YEAR), "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, get("/api/programmes/" + YEAR + "/ledger"), "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, post("/api/programmes/" + YEAR + "/ledger/verify", () -> null), "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, get("/api/calls"), "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200", "200", NO);
        row(c, at("GET", "/api/calls/{b}", () -> "/api/calls/" + ids.get("callB"), () -> null),
                "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200", "200", NO);
        row(c, at("GET", "/api/calls/{b}/conflicts", () -> "/api/calls/" + ids.get("callB") + "/conflicts", () -> null),
                "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("GET", "/api/calls/{b}/ranking", () -> "/api/calls/" + ids.get("callB") + "/ranking", () -> null),
                "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("GET", "/api/calls/{a}/awards", () -> "/api/calls/" + ids.get("callA") + "/awards", () -> null),
                "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, get("/api/applications"), "401", "401", "401", "200", "200", NO, "200", "200", NO, NO, NO, NO, NO);
        row(c, at("GET", "/api/applications/{b}", () -> "/api/applications/" + ids.get("appB"), () -> null),
                "401", "401", "401", "200", "200", "200", "200", SCOPE, "200", SCOPE, NO, NO, NO);
        row(c, at("GET", "/api/applications/{b}/assignments/changes", () -> "/api/applications/" + ids.get("appB") + "/assignments/changes",
                () -> null), "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, get("/api/reviewers/me/assignments"), "401", "401", "401", NO, NO, NO, NO, NO, "200", "200", NO, NO, NO);
        row(c, get("/api/pools/reviewer"), "401", "401", "401", "200", "200", NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, get("/api/projects"), "401", "401", "401", "200", "200", NO, "200", "200", NO, NO, "200", "200", NO);
        for (String page : List.of("", "/reports", "/supervision-logs")) {
            row(c, at("GET", "/api/projects/{p}" + page, () -> "/api/projects/" + ids.get("project") + page, () -> null),
                    "401", "401", "401", "200", "200", "200", "200", SCOPE, NO, NO, "200", SCOPE, NO);
        }
        for (String page : List.of("calls", "awards?organisation=" + OWN_ORG, "programmes/" + YEAR + "/ledger")) {
            row(c, get("/api/public/" + page), "200", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200");
        }
        // writes
        row(c, post("/api/programmes", () -> Map.of("year", YEAR + 1, "title", "matrix", "budgetFen", 1_000_000, "operatorOrg", "HUB")),
                "401", "401", "401", "201", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, post("/api/programmes/" + YEAR + "/calls", () -> call(100_000_000)),
                "401", "401", "401", "201", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/calls/{open}/applications", () -> "/api/calls/" + ids.get("callOpen") + "/applications",
                () -> GrantsFlowTest.application(ids.get("community"), "matrix", 200_000)),
                "401", "401", "401", NO, NO, NO, "201", "201", NO, NO, NO, NO, NO);
        row(c, at("PUT", "/api/applications/{draft}", () -> "/api/applications/" + ids.get("draft"),
                () -> GrantsFlowTest.application(ids.get("community"), "matrix edited", 200_000)),
                "401", "401", "401", NO, NO, NO, "200", SCOPE, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/applications/{draft}/submit", () -> "/api/applications/" + ids.get("draft") + "/submit", () -> null),
                "401", "401", "401", NO, NO, NO, "200", SCOPE, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/applications/{draft2}/withdraw", () -> "/api/applications/" + ids.get("draft2") + "/withdraw",
                () -> Map.of("reason", "matrix")), "401", "401", "401", NO, NO, NO, "200", SCOPE, NO, NO, NO, NO, NO);
        row(c, post("/api/pools/reviewer/me", () -> Map.of()), "401", "401", "401", NO, NO, NO, NO, NO, "200", "200", SCOPE, SCOPE, NO);
        row(c, post("/api/pools/supervisor/me", () -> Map.of()), "401", "401", "401", NO, NO, NO, NO, NO, SCOPE, SCOPE, "200", "200", NO);
        row(c, post("/api/pools/expert", () -> Map.of("personId", "matrix-expert")), "401", "401", "401", "201", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, post("/api/pools/groups", () -> Map.of("name", "第一督导组", "districtCode", DIST)),
                "401", "401", "401", "201", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/applications/{c}/conflicts", () -> "/api/applications/" + ids.get("appC") + "/conflicts",
                () -> Map.of("reason", "曾在该机构任职")), "401", "401", "401", NO, NO, NO, NO, NO, "200", "200", NO, NO, NO);
        row(c, at("PUT", "/api/applications/{b}/reviews/mine", () -> "/api/applications/" + ids.get("appB") + "/reviews/mine",
                () -> Map.of("scores", scores(8))), "401", "401", "401", NO, NO, NO, NO, NO, "200", SCOPE, NO, NO, NO);
        row(c, at("POST", "/api/applications/{b}/assignments", () -> "/api/applications/" + ids.get("appB") + "/assignments",
                () -> Map.of("personId", THIRD, "reason", "matrix")), "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("DELETE", "/api/applications/{b}/assignments/{third}?reason=matrix",
                () -> "/api/applications/" + ids.get("appB") + "/assignments/" + THIRD + "?reason=matrix", () -> null),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/calls/{b}/assignments/auto", () -> "/api/calls/" + ids.get("callB") + "/assignments/auto", () -> null),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/calls/{b}/awards", () -> "/api/calls/" + ids.get("callB") + "/awards",
                () -> Map.of("awarded", List.of(), "reasons", Map.of(ids.get("appB"), "matrix: budget moved"))),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/calls/{r}/review", () -> "/api/calls/" + ids.get("callOpen") + "/review", () -> null),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/projects/{p2}/agreement", () -> "/api/projects/" + ids.get("project2") + "/agreement",
                () -> Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(6).toString())),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("PUT", "/api/projects/{p}/team/SOCIAL_WORKER", () -> "/api/projects/" + ids.get("project") + "/team/SOCIAL_WORKER",
                () -> Map.of("personId", "matrix-sw")), "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/projects/{p}/tranches/3/hold", () -> "/api/projects/" + ids.get("project") + "/tranches/3/hold",
                () -> Map.of("reason", "matrix")), "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/projects/{p}/tranches/2/release", () -> "/api/projects/" + ids.get("project") + "/tranches/2/release",
                () -> Map.of("reason", "matrix")), "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/projects/{p}/reports", () -> "/api/projects/" + ids.get("project") + "/reports", GrantsSecurityMatrixTest::report),
                "401", "401", "401", NO, NO, NO, "201", SCOPE, NO, NO, NO, NO, NO);
        row(c, at("POST", "/api/projects/{p}/reports/{r}/review", () -> "/api/projects/" + ids.get("project") + "/reports/" + ids.get("report")
                + "/review", () -> Map.of("note", "很好")), "401", "401", "401", NO, NO, NO, NO, NO, NO, NO, "200", SCOPE, NO);
        row(c, at("POST", "/api/projects/{p}/supervision-logs", () -> "/api/projects/" + ids.get("project") + "/supervision-logs",
                () -> Map.of("type", "ON_SITE", "happenedOn", LocalDate.now().toString(), "summary", "现场督导")),
                "401", "401", "401", NO, NO, NO, NO, NO, NO, NO, "201", SCOPE, NO);
        row(c, at("POST", "/api/projects/{p}/close", () -> "/api/projects/" + ids.get("project") + "/close", () -> Map.of("outcome", "COMPLETED")),
                "401", "401", "401", "200", NO, NO, NO, NO, NO, NO, NO, NO, NO);
        return c.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    @DisplayName("who may call what:")
    void access(Endpoint endpoint, Who who, Expected expected) {
        setUp();
        RequestSpecification request = given();
        String token = who.token.get();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        Object body = endpoint.body().get();
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        Response response = request.request(endpoint.method(), endpoint.path().get());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected.status());
        if (expected.value().equals(SCOPE)) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:out-of-scope");
        } else if (expected.value().equals(NO)) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:forbidden");
        }
    }

    static Map<String, Object> call(long budget) {
        Map<String, Object> c = GrantsFlowTest.call(DIST, DIST2, budget);
        c.put("allowMultiplePerOrganisation", true);
        c.put("reviewsPerApplication", 1);
        return c;
    }

    static Map<String, Integer> scores(int s) {
        return Map.of("need", s, "design", s, "team", s, "fit", s);
    }

    static Map<String, Object> report() {
        return Map.of("title", "行动研究报告", "period", "2032-Q1", "body", "我们发现……",
                "attachments", List.of(Map.of("name", "a.pdf", "reference", "s3://reports/a.pdf", "sha256", "a".repeat(64))));
    }

    /**
     * Call A decided (two projects of the own organisation: one running with the supervisor on its team and
     * a report, one awaiting its agreement), call B in review (application B assigned to the reviewer,
     * application C of the other organisation), an open call with two drafts.
     */
    private static synchronized void setUp() {
        if (ids.containsKey("project")) {
            return;
        }
        String community = Grants.unique("MC");
        ids.put("community", community);
        Grants.community(community, DIST, DIST + "001");
        Grants.organisation(OWN_ORG, community, "SOCIAL_ORGANISATION", LocalDate.of(2018, 1, 1));
        Grants.organisation(OTHER_ORG, community, "SOCIAL_ORGANISATION", LocalDate.of(2018, 1, 1));
        String op = Grants.cityOperator();
        String agency = Grants.agency(OWN_ORG);
        as(op).body(Map.of("year", YEAR, "title", "matrix", "budgetFen", 2_000_000_000L, "operatorOrg", "HUB")).post("/api/programmes")
                .then().statusCode(201);
        as(Grants.reviewer(REVIEWER)).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);
        as(Grants.reviewer(REVIEWER_OTHER)).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);
        as(Grants.reviewer(THIRD)).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);

        String callA = newCall(op);
        String a1 = submitted(agency, callA, community);
        String a2 = submitted(agency, callA, community);
        String callB = newCall(op);
        String b = submitted(agency, callB, community);
        String cApp = submitted(Grants.agency(OTHER_ORG), callB, community);
        String open = newCall(op);
        ids.putAll(Map.of("callA", callA, "callB", callB, "callOpen", open, "appB", b, "appC", cApp));
        as(op).post("/api/calls/" + callA + "/review").then().statusCode(200);
        as(op).post("/api/calls/" + callB + "/review").then().statusCode(200);
        for (String app : List.of(a1, a2, b)) {
            as(op).body(Map.of("personId", REVIEWER, "reason", "matrix")).post("/api/applications/" + app + "/assignments").then().statusCode(200);
        }
        for (String app : List.of(a1, a2)) {
            as(Grants.reviewer(REVIEWER)).body(Map.of("scores", scores(7))).put("/api/applications/" + app + "/reviews/mine").then().statusCode(200);
        }
        as(op).body(Map.of("awarded", List.of(a1, a2), "reasons", Map.of())).post("/api/calls/" + callA + "/awards").then().statusCode(200);
        String project = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", a1).toString();
        String project2 = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", a2).toString();
        as(op).body(Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(6).toString()))
                .post("/api/projects/" + project + "/agreement").then().statusCode(200);
        Grants.certificate(SUPERVISOR, "SUPERVISOR");
        as(op).body(Map.of("personId", SUPERVISOR)).put("/api/projects/" + project + "/team/SENIOR_SUPERVISOR").then().statusCode(200);
        String report = as(agency).body(report()).post("/api/projects/" + project + "/reports").then().statusCode(201).extract().path("id");
        String draft = as(agency).body(GrantsFlowTest.application(community, "draft", 200_000)).post("/api/calls/" + open + "/applications")
                .then().statusCode(201).extract().path("id");
        String draft2 = as(agency).body(GrantsFlowTest.application(community, "draft 2", 200_000)).post("/api/calls/" + open + "/applications")
                .then().statusCode(201).extract().path("id");
        ids.putAll(Map.of("project2", project2, "report", report, "draft", draft, "draft2", draft2));
        ids.put("project", project);
    }

    private static String newCall(String op) {
        return as(op).body(call(100_000_000)).post("/api/programmes/" + YEAR + "/calls").then().statusCode(201).extract().path("id");
    }

    private static String submitted(String agency, String call, String community) {
        String id = as(agency).body(GrantsFlowTest.application(community, "matrix", 200_000)).post("/api/calls/" + call + "/applications")
                .then().statusCode(201).extract().path("id");
        as(agency).post("/api/applications/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static void row(List<Arguments> cases, Endpoint endpoint, String... expected) {
        Who[] callers = Who.values();
        assertThat(expected).hasSize(callers.length);
        for (int i = 0; i < callers.length; i++) {
            cases.add(Arguments.of(endpoint, callers[i], new Expected(expected[i])));
        }
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", label(path), () -> path, () -> null);
    }

    private static Endpoint post(String path, Supplier<Object> body) {
        return new Endpoint("POST", label(path), () -> path, body);
    }

    private static Endpoint at(String method, String label, Supplier<String> path, Supplier<Object> body) {
        return new Endpoint(method, label, path, body);
    }

    private static String label(String path) {
        return path.replace(OWN_ORG, "{own-org}");
    }
}

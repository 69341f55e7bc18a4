package city.yingzao.evaluation.api;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the status they get (issue 13 §8). "403 scope" is the right
 * role outside the caller's reach (an evaluator not assigned, another organisation, another
 * evaluator's sheet: problem type out-of-scope); a plain 403 is the wrong role. A caller allowed in
 * gets the endpoint's ordinary answer, which may be a 409 or 422 from a rule (releasing before every
 * sheet is in): the matrix proves who gets past the door, the other tests what happens inside.
 */
@QuarkusTest
class EvaluationSecurityMatrixTest {

    static final String OTHER_EVALUATOR = "eva-matrix-other";
    private static Flow flow;
    private static String toCancel;
    private static String toAuto;
    private static String toRemove;
    private static String removable;

    enum Who {
        ANONYMOUS(() -> null),
        EXPIRED(() -> TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign()),
        STRANGER_SIGNED(() -> TestTokens.signedByStranger("mallory", "city-operator")),
        CITY_OPERATOR(Eval::operator),
        AUDITOR(Eval::auditor),
        SUPERVISOR(() -> Eval.supervisor("sup-matrix")),
        EVALUATOR_ASSIGNED(() -> Eval.evaluator(flow.evaluators.get(0))),
        EVALUATOR_OTHER(() -> Eval.evaluator(OTHER_EVALUATOR)),
        AGENCY_OWN(() -> Eval.agency(flow.org)),
        AGENCY_OTHER(() -> Eval.agency("ORG-MATRIX-OTHER")),
        RESIDENT(() -> TestTokens.user("resident").roles("resident").communities(flow.community).household("H0001").sign());

        private final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }

        @Override
        public String toString() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    record Endpoint(String method, String label, Supplier<String> path, Supplier<Object> body, String contentType) {
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

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        String all = "200";
        //                                                         anon   expired stranger city  auditor sup   eva-own eva-other ag-own ag-other resident
        row(cases, get("/api/frameworks"), "401", "401", "401", all, all, all, all, all, "403", "403", "403");
        row(cases, get("/api/frameworks/provisional-2016-v1"), "401", "401", "401", all, all, all, all, all, "403", "403", "403");
        row(cases, get("/api/frameworks/provisional-2016-v1/export?format=csv"), "401", "401", "401", all, all, all, all, all, "403", "403", "403");
        row(cases, post("/api/frameworks", () -> Map.of("version", "matrix-v", "domains", List.of())),
                "401", "401", "401", "422", "403", "403", "403", "403", "403", "403", "403");
        row(cases, new Endpoint("POST", "/api/frameworks/csv", () -> "/api/frameworks/csv?version=matrix-csv", () -> "a,b\n1,2",
                        "text/csv; charset=UTF-8"),
                "401", "401", "401", "422", "403", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/evaluations", EvaluationSecurityMatrixTest::onDemand),
                "401", "401", "401", "201", "403", "403", "403", "403", "403", "403", "403");
        row(cases, get("/api/evaluations"), "401", "401", "401", all, all, all, all, all, all, all, "403");
        row(cases, get("/api/evaluations/grades"), "401", "401", "401", all, all, "403", "403", "403", "403", "403", "403");
        row(cases, ev("GET", "/api/evaluations/{mid}", "", null), "401", "401", "401", all, all, all, all, "403 scope", all, "403 scope", "403");
        row(cases, ev("GET", "/api/evaluations/{mid}/framework", "/framework", null),
                "401", "401", "401", all, all, all, all, "403 scope", all, "403 scope", "403");
        row(cases, new Endpoint("POST", "/api/evaluations/{id}/cancel", () -> "/api/evaluations/" + toCancel + "/cancel",
                        () -> Map.of("reason", "matrix"), null),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, get("/api/evaluators"), "401", "401", "401", all, all, "403", "403", "403", "403", "403", "403");
        row(cases, ev("GET", "/api/evaluations/{mid}/assignments", "/assignments", null),
                "401", "401", "401", all, all, "403", "403", "403", "403", "403", "403");
        row(cases, ev("GET", "/api/evaluations/{mid}/assignments/changes", "/assignments/changes", null),
                "401", "401", "401", all, all, "403", "403", "403", "403", "403", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/assignments", "/assignments", () -> Map.of("evaluatorId", "nobody-certified")),
                "401", "401", "401", "422", "403", "403", "403", "403", "403", "403", "403");
        row(cases, new Endpoint("POST", "/api/evaluations/{id}/assignments/auto", () -> "/api/evaluations/" + toAuto + "/assignments/auto",
                        () -> null, null),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, new Endpoint("POST", "/api/evaluations/{id}/assignments/{evaluator}/remove",
                        () -> "/api/evaluations/" + toRemove + "/assignments/" + removable + "/remove", () -> Map.of("reason", "matrix"), null),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, ev("GET", "/api/evaluations/{mid}/results", "/results", null),
                "401", "401", "401", all, all, all, all, "403 scope", "403 scope", "403 scope", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/release", "/release", () -> null),
                "401", "401", "401", "422", "403", "422", "403", "403", "403", "403", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/moderation", "/moderation", () -> Map.of("note", "matrix note")),
                "401", "401", "401", all, "403", all, "403", "403", "403", "403", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/response", "/response", () -> Map.of("text", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "403", "409", "403 scope", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/appeal", "/appeal", () -> Map.of("reason", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "403", "409", "403 scope", "403");
        row(cases, ev("POST", "/api/evaluations/{mid}/appeal/decision", "/appeal/decision", () -> Map.of("upheld", false, "reason", "m")),
                "401", "401", "401", "409", "403", "403", "403", "403", "403", "403", "403");
        row(cases, sheet("GET", "/offline", null), "401", "401", "401", "403", "403", "403", all, "403 scope", "403", "403", "403");
        row(cases, sheet("PUT", "", () -> Eval.sheet(2, Map.of())), "401", "401", "401", "403", "403", "403", all, "403 scope", "403", "403", "403");
        row(cases, sheet("POST", "/submit", () -> Eval.sheet(3, Map.of())),
                "401", "401", "401", "403", "403", "403", "201", "403 scope", "403", "403", "403");
        row(cases, sheet("GET", "", null), "401", "401", "401", "403", "403", "403", all, "403 scope", "403", "403", "403");
        row(cases, sheet("POST", "/revisions", () -> Map.of("changes", List.of(Map.of("indicatorId", "1.1", "level", 2)), "reason", "matrix")),
                "401", "401", "401", "403", "403", "403", all, "403 scope", "403", "403", "403");
        row(cases, new Endpoint("GET", "/api/calls/{call}/ranking", () -> "/api/calls/" + flow.call + "/ranking", () -> null, null),
                "401", "401", "401", all, all, all, "403", "403", "403", "403", "403");
        row(cases, new Endpoint("GET", "/api/public/projects/{project}/grades",
                        () -> "/api/public/projects/" + flow.project.projectId() + "/grades", () -> null, null),
                all, "401", "401", all, all, all, all, all, all, all, all);
        return cases.stream();
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
            request = request.contentType(endpoint.contentType() == null ? "application/json" : endpoint.contentType()).body(body);
        }
        Response response = request.request(endpoint.method(), endpoint.path().get());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected.status());
        if (expected.value().equals("403 scope")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:out-of-scope");
        } else if (expected.value().equals("403")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:forbidden");
        }
    }

    /** A started project with two assigned evaluators; evaluations to cancel, to fill automatically, to remove from. */
    private static synchronized void setUp() {
        if (flow != null) {
            return;
        }
        Eval.certify(OTHER_EVALUATOR);
        for (int i = 0; i < 3; i++) {
            Eval.certify(Eval.unique("eva-pool-").toLowerCase());
        }
        Flow f = new Flow().started().assigned(2);
        toCancel = new Flow().started().mid;
        toAuto = new Flow().started().mid;
        Flow r = new Flow().started().assigned(1);
        toRemove = r.mid;
        removable = r.evaluators.get(0);
        flow = f;
    }

    static Object onDemand() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return Map.of("projectId", Eval.unique("FP"), "organisationCode", "ORG-M", "communityCode", "CM-001", "title", "matrix",
                "windowOpensOn", today.toString(), "windowClosesOn", today.plusDays(10).toString());
    }

    private static void row(List<Arguments> cases, Endpoint endpoint, String... expected) {
        Who[] callers = Who.values();
        assertThat(expected).hasSize(callers.length);
        for (int i = 0; i < callers.length; i++) {
            cases.add(Arguments.of(endpoint, callers[i], new Expected(expected[i])));
        }
    }

    private static Endpoint ev(String method, String label, String suffix, Supplier<Object> body) {
        return new Endpoint(method, label, () -> "/api/evaluations/" + flow.mid + suffix, body == null ? () -> null : body, null);
    }

    private static Endpoint sheet(String method, String suffix, Supplier<Object> body) {
        return new Endpoint(method, "/api/evaluations/{mid}/sheets/{assigned-evaluator}" + suffix,
                () -> "/api/evaluations/" + flow.mid + "/sheets/" + flow.evaluators.get(0) + suffix, body == null ? () -> null : body, null);
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", path, () -> path, () -> null, null);
    }

    private static Endpoint post(String path, Supplier<Object> body) {
        return new Endpoint("POST", path, () -> path, body, null);
    }
}

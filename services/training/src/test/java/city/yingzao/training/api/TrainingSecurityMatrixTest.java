package city.yingzao.training.api;

import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the status they get (issue 11 §8). "403 scope" is the
 * right role outside the caller's reach (another trainer's session, another person's certificate,
 * another community's profile; problem type out-of-scope); a plain 403 is the wrong role. A caller
 * let in gets the endpoint's ordinary answer, which for some is a 404 or 422 (withdrawing from a
 * session one never joined): the matrix proves who gets past the door, the other tests what happens inside.
 */
@QuarkusTest
class TrainingSecurityMatrixTest {

    static final String OWN = Training.unique("SO");
    static final String OTHER = Training.unique("SX");
    static final String TRAINER = "matrix-trainer";
    static final String LEARNER = "matrix-learner";
    private static String session;
    private static String lonely;
    private static String empty;
    private static String certificate;
    private static String course;

    enum Who {
        ANONYMOUS(() -> null),
        EXPIRED(() -> TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign()),
        STRANGER_SIGNED(() -> TestTokens.signedByStranger("mallory", "city-operator")),
        CITY_OPERATOR(Training::cityOperator),
        AUDITOR(Training::auditor),
        TRAINER_OWN(() -> Training.trainer(TRAINER)),
        TRAINER_OTHER(() -> Training.trainer("matrix-other-trainer")),
        LEARNER_SELF(() -> Training.learner(LEARNER)),
        LEARNER_OTHER(() -> Training.learner("matrix-resident", "resident")),
        STAFF_OWN(() -> Training.staff(OWN)),
        STAFF_OTHER(() -> Training.staff(OTHER));

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

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        //                                                                anon   expired stranger city  auditor t-own  t-other learner l-other staff-own staff-other
        row(cases, post("/api/institutions", () -> Map.of("code", Training.unique("I"), "name", "新学院", "kind", "UNIVERSITY")),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        row(cases, post("/api/courses", TrainingSecurityMatrixTest::newCourse),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        row(cases, ep("POST", "/api/courses/{course}/versions", () -> "/api/courses/" + course + "/versions", TrainingSecurityMatrixTest::version),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        row(cases, post("/api/sessions", () -> sessionBody()),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        row(cases, get("/api/sessions"), "401", "401", "401", "200", "200", "200", "200", "403", "403", "403", "403");
        row(cases, ep("GET", "/api/sessions/{session}", () -> "/api/sessions/" + session, () -> null),
                "401", "401", "401", "200", "200", "200", "403 scope", "403", "403", "403", "403");
        row(cases, ep("POST", "/api/sessions/{session}/enrolments", () -> "/api/sessions/" + session + "/enrolments", () -> null),
                "401", "401", "401", "201", "201", "201", "201", "422", "201", "201", "201");
        row(cases, ep("DELETE", "/api/sessions/{empty}/enrolments/me", () -> "/api/sessions/" + empty + "/enrolments/me", () -> null),
                "401", "401", "401", "404", "404", "404", "404", "404", "404", "404", "404");
        row(cases, ep("POST", "/api/sessions/{session}/enrolments/batch", () -> "/api/sessions/" + session + "/enrolments/batch",
                        () -> Map.of("people", List.of(Map.of("personId", Training.unique("p").toLowerCase(), "displayName", "李四")))),
                "401", "401", "401", "200", "403", "200", "403 scope", "403", "403", "403", "403");
        row(cases, ep("DELETE", "/api/sessions/{session}/enrolments/{nobody}", () -> "/api/sessions/" + session + "/enrolments/nobody", () -> null),
                "401", "401", "401", "404", "403", "404", "403 scope", "403", "403", "403", "403");
        row(cases, ep("POST", "/api/sessions/{session}/meetings/1/attendance", () -> "/api/sessions/" + session + "/meetings/1/attendance",
                        () -> Map.of("personIds", List.of(LEARNER))),
                "401", "401", "401", "200", "403", "200", "403 scope", "403", "403", "403", "403");
        row(cases, ep("POST", "/api/sessions/{session}/meetings/1/code", () -> "/api/sessions/" + session + "/meetings/1/code", () -> null),
                "401", "401", "401", "200", "403", "200", "403 scope", "403", "403", "403", "403");
        row(cases, ep("POST", "/api/sessions/{session}/meetings/2/self-mark", () -> "/api/sessions/" + session + "/meetings/2/self-mark",
                        () -> Map.of("code", "ZZZZZZ")),
                "401", "401", "401", "422", "422", "422", "422", "422", "422", "422", "422");
        row(cases, ep("PUT", "/api/sessions/{session}/scores/{learner}", () -> "/api/sessions/" + session + "/scores/" + LEARNER,
                        () -> Map.of("score", 80)),
                "401", "401", "401", "204", "403", "204", "403 scope", "403", "403", "403", "403");
        row(cases, ep("GET", "/api/sessions/{lonely}/progress", () -> "/api/sessions/" + lonely + "/progress", () -> null),
                "401", "401", "401", "404", "404", "404", "404", "200", "404", "404", "404");
        row(cases, ep("POST", "/api/sessions/{fresh}/close", () -> "/api/sessions/" + freshSession() + "/close", () -> null),
                "401", "401", "401", "200", "403", "200", "403 scope", "403", "403", "403", "403");
        row(cases, get("/api/learners/me/enrolments"), "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200");
        row(cases, get("/api/learners/me/transcript"), "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200");
        row(cases, get("/api/learners/" + LEARNER + "/transcript"), "401", "401", "401", "200", "200", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/schemes/SUPERVISOR/assessments", () -> Map.of("personId", LEARNER, "score", 10)),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        row(cases, post("/api/schemes/PARTICIPATORY_EVALUATOR/grants", () -> evidence(Training.unique("g").toLowerCase())),
                "401", "401", "401", "201", "403", "403", "403", "403", "403", "403", "403");
        row(cases, ep("GET", "/api/certificates/{cert}", () -> "/api/certificates/" + certificate, () -> null),
                "401", "401", "401", "200", "200", "403 scope", "403 scope", "200", "403 scope", "403 scope", "403 scope");
        row(cases, ep("GET", "/api/certificates/{cert}/credential", () -> "/api/certificates/" + certificate + "/credential", () -> null),
                "401", "401", "401", "200", "200", "403 scope", "403 scope", "200", "403 scope", "403 scope", "403 scope");
        for (String action : List.of("suspend", "revoke")) {
            row(cases, ep("POST", "/api/certificates/{fresh}/" + action, () -> "/api/certificates/" + freshCertificate() + "/" + action,
                            () -> Map.of("reason", "matrix")),
                    "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        }
        row(cases, ep("POST", "/api/certificates/{fresh}/reinstate", () -> "/api/certificates/" + freshCertificate() + "/reinstate",
                        () -> Map.of("reason", "matrix")),
                "401", "401", "401", "422", "403", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/certificates/expiry-runs", () -> null), "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, ep("PUT", "/api/communities/{own}/map-profile", () -> "/api/communities/" + OWN + "/map-profile",
                        () -> Map.of("history", "matrix")),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "200", "403 scope");
        row(cases, post("/api/map/tours", () -> Map.of("title", "游学", "theme", "matrix", "communities", List.of(OWN))),
                "401", "401", "401", "201", "403", "201", "201", "403", "403", "403", "403");
        for (Supplier<String> page : List.<Supplier<String>>of(() -> "institutions", () -> "courses", () -> "courses/CB-GENERAL",
                () -> "sessions", () -> "schemes", () -> "certificates/keys", () -> "certificates/" + certificate, () -> "map/communities",
                () -> "map/communities/" + OWN, () -> "map/geojson", () -> "map/tours")) {
            row(cases, new Endpoint("GET", "/api/public/" + label(page), () -> "/api/public/" + page.get(), () -> null),
                    "200", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200");
        }
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
            request = request.contentType("application/json").body(body);
        }
        Response response = request.request(endpoint.method(), endpoint.path().get());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected.status());
        if (expected.value().equals("403 scope")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:out-of-scope");
        } else if (expected.value().equals("403")) {
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:yingzao:problem:forbidden");
        }
    }

    /** Two communities with a profile, a session of the own trainer with the learner seated, an empty one, a certificate of the learner. */
    private static synchronized void setUp() {
        if (session != null) {
            return;
        }
        Training.community(OWN, "510104");
        Training.community(OTHER, "510105");
        Training.as(Training.staff(OWN)).body(Map.of("history", "h")).put("/api/communities/" + OWN + "/map-profile").then().statusCode(200);
        course = Training.as(Training.cityOperator()).body(newCourse()).post("/api/courses").then().statusCode(201).extract().path("code");
        String s = Training.session(Training.trainer(TRAINER), "PRA-TOOLS", 500, 2);
        Training.as(Training.learner(LEARNER)).post("/api/sessions/" + s + "/enrolments").then().statusCode(201);
        empty = Training.session(Training.trainer(TRAINER), "PRA-TOOLS", 5, 1);
        lonely = Training.session(Training.trainer(TRAINER), "PRA-TOOLS", 5, 1);
        Training.as(Training.learner(LEARNER)).post("/api/sessions/" + lonely + "/enrolments").then().statusCode(201);
        certificate = Training.as(Training.cityOperator()).body(evidence(LEARNER)).post("/api/schemes/SUPERVISOR/grants")
                .then().statusCode(201).extract().path("code");
        session = s;
    }

    private static String freshSession() {
        return Training.session(Training.trainer(TRAINER), "PRA-TOOLS", 5, 1);
    }

    private static String freshCertificate() {
        return Training.as(Training.cityOperator()).body(evidence(Training.unique("f").toLowerCase()))
                .post("/api/schemes/PARTICIPATORY_EVALUATOR/grants").then().statusCode(201).extract().path("code");
    }

    static Map<String, Object> evidence(String person) {
        return Map.of("personId", person, "holderName", "张三", "evidence", "matrix");
    }

    static Map<String, Object> newCourse() {
        return Map.of("code", Training.unique("MC"), "institutionCode", "SCU", "title", "矩阵课", "kind", "GENERAL", "delivery", "ONLINE",
                "hours", 2, "minAttendanceShare", 0.5);
    }

    static Map<String, Object> version() {
        return Map.of("institutionCode", "SCU", "title", "矩阵课", "kind", "GENERAL", "delivery", "ONLINE", "hours", 3, "minAttendanceShare", 0.5);
    }

    static Map<String, Object> sessionBody() {
        return Map.of("courseCode", "PRA-TOOLS", "title", "matrix", "place", "room", "capacity", 10,
                "meetings", List.of(Map.of("startsAt", "2027-05-01T01:00:00Z", "endsAt", "2027-05-01T03:00:00Z")));
    }

    private static void row(List<Arguments> cases, Endpoint endpoint, String... expected) {
        Who[] callers = Who.values();
        assertThat(expected).hasSize(callers.length);
        for (int i = 0; i < callers.length; i++) {
            cases.add(Arguments.of(endpoint, callers[i], new Expected(expected[i])));
        }
    }

    private static Endpoint ep(String method, String label, Supplier<String> path, Supplier<Object> body) {
        return new Endpoint(method, label, path, body);
    }

    private static Endpoint get(String path) {
        return new Endpoint("GET", path, () -> path, () -> null);
    }

    private static Endpoint post(String path, Supplier<Object> body) {
        return new Endpoint("POST", path, () -> path, body);
    }

    private static String label(Supplier<String> page) {
        String p = "?";
        try {
            p = page.get();
        } catch (RuntimeException ignored) {
            // labels are built before the fixtures exist
        }
        return p.replace("null", "{cert}").replace(OWN, "{own}");
    }
}

package city.yingzao.finance.api;

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
 * Every endpoint × every kind of caller → the status they get (issue 4 §8). "403 scope" is the right
 * role outside the caller's district, community or household (problem type out-of-scope); a plain
 * 403 is the wrong role. A caller allowed in gets the endpoint's ordinary answer, which for some
 * writes is a 422 from a rule (a project at step 1 cannot take a payment): the matrix proves who
 * gets past the door, the other tests what happens inside.
 */
@QuarkusTest
class FinanceSecurityMatrixTest {

    static final String OWN_DISTRICT = Finance.unique("DO");
    static final String OTHER_DISTRICT = Finance.unique("DX");
    static final String OWN = Finance.unique("CO");
    static final String OTHER = Finance.unique("CX");
    static final int POLICY_YEAR = 2041;
    static final int RUN_YEAR = 2042;
    static final int COUNT_YEAR = 2043;
    static final int CLOSE_YEAR = 2098;
    private static String project;
    private static String round;

    enum Who {
        ANONYMOUS(() -> null),
        EXPIRED(() -> TestTokens.user("late").roles("city-operator").expiredSince(Duration.ofMinutes(5)).sign()),
        STRANGER_SIGNED(() -> TestTokens.signedByStranger("mallory", "city-operator")),
        CITY_OPERATOR(Finance::cityOperator),
        AUDITOR(Finance::auditor),
        DISTRICT_OPERATOR_OWN(() -> Finance.districtOperator(OWN_DISTRICT)),
        DISTRICT_OPERATOR_OTHER(() -> Finance.districtOperator(OTHER_DISTRICT)),
        STAFF_OWN(() -> Finance.staff(OWN)),
        STAFF_OTHER(() -> Finance.staff(OTHER)),
        RESIDENT_OWN(() -> Finance.resident(OWN, "H0001")),
        RESIDENT_OTHER(() -> Finance.resident(OTHER, "H0001"));

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
        //                                                              anon   expired stranger city   auditor d-own  d-other     staff-own staff-other resident-own resident-other
        row(cases, get("/api/fund-policies/" + POLICY_YEAR), "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200");
        row(cases, put("/api/fund-policies/" + POLICY_YEAR, () -> Map.of("ruralFloorFen", 40_000_000, "urbanPer100HouseholdsFen", 400_000,
                        "cityPercentMainUrban", 0, "cityPercentNearSuburb", 50, "cityPercentFarSuburb", 70, "reason", "matrix")),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, get("/api/fund-policies/" + POLICY_YEAR + "/changes"), "401", "401", "401", "200", "200", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/allocations/runs", () -> Map.of("fundYear", RUN_YEAR)),
                "401", "401", "401", "200", "403", "403", "403", "403", "403", "403", "403");
        row(cases, get("/api/allocations?year=" + RUN_YEAR + "&district=" + OWN_DISTRICT),
                "401", "401", "401", "200", "200", "200", "403 scope", "403", "403", "403", "403");
        row(cases, get("/api/allocations/districts?year=" + RUN_YEAR),
                "401", "401", "401", "200", "200", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/ledger/verify?community=" + OWN, () -> null),
                "401", "401", "401", "200", "200", "403", "403", "403", "403", "403", "403");
        row(cases, post("/api/communities/" + OWN + "/projects", () -> MalformedInputTest.project(10_000)),
                "401", "401", "401", "403", "403", "403", "403", "201", "403 scope", "403", "403");
        row(cases, new Endpoint("GET", "/api/projects/{project}", () -> "/api/projects/" + project, () -> null),
                "401", "401", "401", "200", "200", "200", "200", "200", "200", "200", "200");
        row(cases, new Endpoint("POST", "/api/projects/{project}/steps", () -> "/api/projects/" + project + "/steps",
                        () -> Map.of("step", 2)),
                "401", "401", "401", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(cases, new Endpoint("POST", "/api/projects/{project}/hearing", () -> "/api/projects/" + project + "/hearing",
                        () -> Map.of("summary", "s", "attendees", 3)),
                "401", "401", "401", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(cases, new Endpoint("POST", "/api/projects/{project}/rejection", () -> "/api/projects/" + project + "/rejection",
                        () -> Map.of("reason", "security matrix: no failed motion, refused")),
                "401", "401", "401", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(cases, new Endpoint("POST", "/api/projects/{project}/payments", () -> "/api/projects/" + project + "/payments",
                        () -> Map.of("amountFen", 100, "payeeName", "matrix supplier", "voucher", "FP-MATRIX-1")),
                "401", "401", "401", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        // F8: no such payment of the project (404 once role and scope hold)
        row(cases, new Endpoint("POST", "/api/projects/{project}/payments/{entry}/reversal",
                        () -> "/api/projects/" + project + "/payments/00000000-0000-0000-0000-000000000001/reversal",
                        () -> Map.of("reason", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "404", "403 scope", "403", "403");
        // F1: the year has not ended and early is not asked: 422 once role and scope hold, nothing closed
        row(cases, post("/api/communities/" + OWN + "/fund-years/" + CLOSE_YEAR + "/close", () -> Map.of("early", false)),
                "401", "401", "401", "422", "403", "422", "403 scope", "403", "403", "403", "403");
        row(cases, post("/api/fund-years/" + CLOSE_YEAR + "/close?district=" + OWN_DISTRICT, () -> Map.of("early", false)),
                "401", "401", "401", "422", "403", "422", "403 scope", "403", "403", "403", "403");
        row(cases, post("/api/fund-years/" + CLOSE_YEAR + "/close", () -> Map.of("early", false)),
                "401", "401", "401", "422", "403", "403 scope", "403 scope", "403", "403", "403", "403");
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds", () -> "/api/communities/" + OWN + "/vote-rounds",
                        () -> Map.of("projectIds", List.of(project))),
                "401", "401", "401", "403", "403", "403", "403", "201", "403 scope", "403", "403");
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds/{round}/ballots",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/ballots", () -> Map.of("approvals", List.of(project))),
                "401", "401", "401", "403", "403", "403", "403", "403", "403", "201", "403 scope");
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds/{round}/paper-ballots",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/paper-ballots",
                        () -> Map.of("householdCode", "H0002", "sheet", "S-2027-002", "approvals", List.of(project))),
                "401", "401", "401", "403", "403", "403", "403", "201", "403 scope", "403", "403");
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds/{round}/paper-ballots/batch",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/paper-ballots/batch",
                        () -> Map.of("sheet", "STACK-01", "ballots", List.of(Map.of("householdCode", "H0003", "approvals", List.of(project))))),
                "401", "401", "401", "403", "403", "403", "403", "200", "403 scope", "403", "403");
        row(cases, new Endpoint("GET", "/api/communities/{own}/vote-rounds/{round}/paper-ballots",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/paper-ballots", () -> null),
                "401", "401", "401", "403", "403", "403", "403", "200", "403 scope", "403", "403");
        // the paper entry of H0002 was made by staff-own's user: voiding it is the F7 second-person refusal (422)
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds/{round}/paper-ballots/{household}/void",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/paper-ballots/H0002/void",
                        () -> Map.of("reason", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "422", "403 scope", "403", "403");
        row(cases, new Endpoint("GET", "/api/communities/{own}/vote-rounds/{round}/my-ballot",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/my-ballot", () -> null),
                "401", "401", "401", "403", "403", "403", "403", "403", "403", "200", "403 scope");
        row(cases, new Endpoint("POST", "/api/communities/{own}/vote-rounds/{round}/close",
                        () -> "/api/communities/" + OWN + "/vote-rounds/" + round + "/close", () -> null),
                "401", "401", "401", "403", "403", "403", "403", "200", "403 scope", "403", "403");
        row(cases, post("/api/communities/" + OWN + "/microfund/donations", () -> Map.of("fundYear", 2027, "donorType", "MARKET",
                        "amountFen", 10_000, "purpose", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "201", "403 scope", "403", "403");
        row(cases, post("/api/communities/" + OWN + "/microfund/grants", () -> Map.of("fundYear", 2027, "orgCode", "ORG1",
                        "amountFen", 100, "purpose", "matrix")),
                "401", "401", "401", "403", "403", "403", "403", "201", "403 scope", "403", "403");
        row(cases, put("/api/communities/" + OWN + "/household-counts/" + COUNT_YEAR, () -> Map.of("households", 480,
                        "reason", "matrix")),
                "401", "401", "401", "200", "403", "200", "403 scope", "403", "403", "403", "403");
        row(cases, get("/api/communities/" + OWN + "/household-counts/" + COUNT_YEAR),
                "401", "401", "401", "200", "200", "200", "403 scope", "403", "403", "403", "403");
        row(cases, get("/api/districts/" + OWN_DISTRICT + "/vote-turnout?year=" + RUN_YEAR),
                "401", "401", "401", "200", "200", "200", "403 scope", "403", "403", "403", "403");
        row(cases, get("/api/household-counts?year=" + COUNT_YEAR + "&district=" + OWN_DISTRICT),
                "401", "401", "401", "200", "200", "200", "403 scope", "403", "403", "403", "403");
        for (String page : List.of("finance", "ledger", "ledger.csv", "projects", "vote-rounds")) {
            row(cases, get("/api/public/communities/" + OWN + "/" + page),
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

    /** Two communities in two districts, households in the own one, a project at step 1 and an open round. */
    private static synchronized void setUp() {
        if (project != null) {
            return;
        }
        Finance.community(OWN, "URBAN", OWN_DISTRICT, "MAIN_URBAN", 500);
        Finance.community(OTHER, "URBAN", OTHER_DISTRICT, "NEAR_SUBURB", 500);
        Finance.households(OWN, 3);
        Finance.households(OTHER, 1);
        String staff = Finance.staff(OWN);
        project = ProjectLifecycleTest.createProject(OWN, staff, 10_000);
        round = VoteApiTest.open(staff, OWN, project);
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

    private static Endpoint put(String path, Supplier<Object> body) {
        return new Endpoint("PUT", label(path), () -> path, body);
    }

    private static String label(String path) {
        return path.replace(OWN_DISTRICT, "{own-district}").replace(OWN, "{own}");
    }
}

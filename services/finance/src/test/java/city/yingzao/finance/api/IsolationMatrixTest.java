package city.yingzao.finance.api;

import city.yingzao.testing.IsolationProbe;
import city.yingzao.testing.IsolationProbe.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the OpenAPI document: every operation called with tenant A's
 * resources (community A1 of district D1) by every scoped role of tenant B (community A2 of
 * district D2) is a 403/404 problem and changes no table, and A's own callers reach it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Finance: another community's, district's or organisation's caller reaches none of A's projects, rounds, funds or counts")
class IsolationMatrixTest {

    static final int YEAR = ProjectLifecycleTest.YEAR;
    static final Tenant A = Tenant.of(Finance.unique("IA"), Finance.unique("DA"), Finance.unique("OA"), "H0001");
    static final Tenant B = Tenant.of(Finance.unique("IB"), Finance.unique("DB"), Finance.unique("OB"), "H0001");

    @TestHTTPResource("/")
    URI root;

    String project;
    String round;

    /** A1 in D1 and A2 in D2 with households; A1 has a project at step 1 and an open round with a paper entry. */
    @BeforeEach
    void tenantA() {
        if (project != null) {
            return;
        }
        Finance.community(A.community(), "URBAN", A.district(), "MAIN_URBAN", 500);
        Finance.community(B.community(), "URBAN", B.district(), "MAIN_URBAN", 500);
        Finance.households(A.community(), 3);
        Finance.households(B.community(), 1);
        String staff = Finance.staff(A.community());
        project = ProjectLifecycleTest.createProject(A.community(), staff, 10_000);
        round = VoteApiTest.open(staff, A.community(), project);
        VoteApiTest.paper(staff, A.community(), "H0002", round, List.of(project)).then().statusCode(201);
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String community = A.community();
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(A, B)
                .value("code", community).value("id", project).value("round", round).value("household", "H0002")
                .value("year", YEAR).value("district", A.district()).value("community", community)
                .target("GET /api/districts/{code}/vote-turnout", "/api/districts/" + A.district() + "/vote-turnout?year=" + YEAR)
                .target("POST /api/projects/{id}/payments/{entry}/reversal",
                        "/api/projects/" + project + "/payments/00000000-0000-0000-0000-000000000001/reversal")
                .body("POST /api/communities/{code}/projects", MalformedInputTest.project(10_000))
                .body("POST /api/projects/{id}/steps", Map.of("step", 2))
                .body("POST /api/projects/{id}/hearing", Map.of("summary", "isolation", "attendees", 3))
                .body("POST /api/projects/{id}/rejection", Map.of("reason", "isolation: no failed motion"))
                .body("POST /api/projects/{id}/withdrawal", Map.of("reason", "isolation"))
                .body("POST /api/projects/{id}/payments", Map.of("amountFen", 100, "payeeName", "isolation supplier", "voucher", "FP-ISO-1"))
                .body("POST /api/projects/{id}/payments/{entry}/reversal", Map.of("reason", "isolation"))
                .body("POST /api/communities/{code}/vote-rounds", Map.of("title", "isolation", "projectIds", List.of(project)))
                .body("POST /api/communities/{code}/vote-rounds/{round}/ballots", Map.of("approvals", List.of(project)))
                .body("POST /api/communities/{code}/vote-rounds/{round}/paper-ballots",
                        Map.of("householdCode", "H0003", "sheet", "S-ISO-3", "approvals", List.of(project)))
                .body("POST /api/communities/{code}/vote-rounds/{round}/paper-ballots/batch",
                        Map.of("sheet", "STACK-ISO", "ballots", List.of(Map.of("householdCode", "H0001", "approvals", List.of(project)))))
                .body("POST /api/communities/{code}/vote-rounds/{round}/paper-ballots/{household}/void", Map.of("reason", "isolation"))
                .body("POST /api/communities/{code}/microfund/donations",
                        Map.of("fundYear", YEAR, "donorType", "MARKET", "amountFen", 10_000, "purpose", "isolation"))
                .body("POST /api/communities/{code}/microfund/grants",
                        Map.of("fundYear", YEAR, "orgCode", A.org(), "amountFen", 100, "purpose", "isolation"))
                .body("PUT /api/communities/{code}/household-counts/{year}", Map.of("households", 480, "reason", "isolation"))
                .reachLast("POST /api/communities/{code}/vote-rounds/{round}/close", "POST /api/projects/{id}/withdrawal",
                        "POST /api/communities/{code}/fund-years/{year}/close", "POST /api/fund-years/{year}/close")
                .body("POST /api/communities/{code}/fund-years/{year}/close", Map.of("early", true))
                .body("POST /api/fund-years/{year}/close", Map.of("early", true))
                .unreachable("POST /api/projects/{id}/payments/{entry}/reversal", "a payment needs a project at step 6 (F6);"
                        + " B's refusal of a real one is FinanceSecurityMatrixTest's, here A's own gets 404 for the made-up entry")
                .kernelOperations()
                .publicRead("GET /api/public/*", "the community's public disclosure (F2): anyone may read it")
                .cityWide("GET /api/fund-policies/{year}", "the fund policy is the city's, one for every community")
                .cityWide("GET /api/projects/{id}", "the same view of the project the public disclosure lists"
                        + " (GET /api/public/communities/{code}/projects)")
                .run().assertIsolated();
        System.out.println("[finance] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(30);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }
}

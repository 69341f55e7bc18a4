package city.yingzao.grants.api;

import city.yingzao.testing.IsolationProbe;
import city.yingzao.testing.IsolationProbe.Tenant;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static city.yingzao.grants.api.Grants.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the OpenAPI document: every operation called with organisation
 * O1's applications and projects (in community A1 of district D1) by every scoped role of tenant B
 * (organisation O2, district D2, a reviewer and a supervisor not assigned) is a 403/404 problem and
 * changes no table, and A's own callers (O1's agency, the assigned reviewer, the team's supervisor) reach it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Grants: another organisation's or district's caller, or a reviewer or supervisor not assigned, reaches none of O1's applications or projects")
class IsolationMatrixTest {

    static final int YEAR = 2036;

    @TestHTTPResource("/")
    URI root;

    Tenant a;
    Tenant b;
    String reviewer;
    String supervisor;
    String call;
    String reviewCall;
    String openCall;
    String application;
    String underReview;
    String draft;
    String project;
    String report;

    /** A call decided (O1's project running, the supervisor on its team, a report), a call in review (O1's application assigned), an open call with a draft. */
    @BeforeEach
    void tenantA() {
        if (a != null) {
            return;
        }
        String d1 = Grants.unique("ID");
        String d2 = Grants.unique("IE");
        a = Tenant.of(Grants.unique("IC"), d1, Grants.unique("IO"), "H0001");
        b = Tenant.of(Grants.unique("IC"), d2, Grants.unique("IP"), "H0001");
        Grants.community(a.community(), d1, d1 + "001");
        Grants.community(b.community(), d2, d2 + "001");
        Grants.organisation(a.org(), a.community(), "SOCIAL_ORGANISATION", LocalDate.of(2018, 1, 1));
        Grants.organisation(b.org(), b.community(), "SOCIAL_ORGANISATION", LocalDate.of(2018, 1, 1));
        reviewer = "iso-rev-" + Grants.unique("");
        supervisor = "iso-sup-" + Grants.unique("");
        String op = Grants.cityOperator();
        String agency = Grants.agency(a.org());
        as(op).body(Map.of("year", YEAR, "title", "isolation", "budgetFen", 2_000_000_000L, "operatorOrg", "HUB"))
                .post("/api/programmes").then().statusCode(201);
        as(Grants.reviewer(reviewer)).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);
        call = newCall(op, d1);
        application = submitted(agency, call, a.community());
        reviewCall = newCall(op, d1);
        underReview = submitted(agency, reviewCall, a.community());
        openCall = newCall(op, d1);
        for (String c : List.of(call, reviewCall)) {
            as(op).post("/api/calls/" + c + "/review").then().statusCode(200);
        }
        for (String app : List.of(application, underReview)) {
            as(op).body(Map.of("personId", reviewer, "reason", "isolation")).post("/api/applications/" + app + "/assignments")
                    .then().statusCode(200);
        }
        as(Grants.reviewer(reviewer)).body(Map.of("scores", GrantsSecurityMatrixTest.scores(7)))
                .put("/api/applications/" + application + "/reviews/mine").then().statusCode(200);
        as(op).body(Map.of("awarded", List.of(application), "reasons", Map.of())).post("/api/calls/" + call + "/awards")
                .then().statusCode(200);
        project = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", application).toString();
        as(op).body(Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(6).toString()))
                .post("/api/projects/" + project + "/agreement").then().statusCode(200);
        Grants.certificate(supervisor, "SUPERVISOR");
        as(op).body(Map.of("personId", supervisor)).put("/api/projects/" + project + "/team/SENIOR_SUPERVISOR").then().statusCode(200);
        report = as(agency).body(GrantsSecurityMatrixTest.report()).post("/api/projects/" + project + "/reports")
                .then().statusCode(201).extract().path("id");
        draft = as(agency).body(GrantsFlowTest.application(a.community(), "draft", 200_000))
                .post("/api/calls/" + openCall + "/applications").then().statusCode(201).extract().path("id");
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String p = "/api/projects/" + project;
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(a, b)
                .insider("the reviewer assigned to O1's applications", Grants.reviewer(reviewer), "reviewer")
                .insider("the senior supervisor on O1's project", Grants.supervisor(supervisor), "supervisor")
                .identifiers(application, draft, project, report)
                .value("year", YEAR).value("organisation", a.org()).value("community", a.community())
                .target("GET /api/calls/{id}", "/api/calls/" + call)
                .target("POST /api/calls/{id}/applications", "/api/calls/" + openCall + "/applications")
                .body("POST /api/calls/{id}/applications", GrantsFlowTest.application(a.community(), "isolation", 200_000))
                .target("GET /api/applications/{id}", "/api/applications/" + underReview)
                .target("PUT /api/applications/{id}", "/api/applications/" + draft)
                .body("PUT /api/applications/{id}", GrantsFlowTest.application(a.community(), "isolation edited", 200_000))
                .target("POST /api/applications/{id}/submit", "/api/applications/" + draft + "/submit")
                .target("POST /api/applications/{id}/withdraw", "/api/applications/" + draft + "/withdraw")
                .body("POST /api/applications/{id}/withdraw", Map.of("reason", "isolation"))
                .target("POST /api/applications/{id}/conflicts", "/api/applications/" + underReview + "/conflicts")
                .body("POST /api/applications/{id}/conflicts", Map.of("reason", "曾在该机构任职"))
                .target("PUT /api/applications/{id}/reviews/mine", "/api/applications/" + underReview + "/reviews/mine")
                .body("PUT /api/applications/{id}/reviews/mine", Map.of("scores", GrantsSecurityMatrixTest.scores(8)))
                .target("GET " + "/api/projects/{id}", p)
                .target("GET /api/projects/{id}/reports", p + "/reports")
                .target("POST /api/projects/{id}/reports", p + "/reports")
                .body("POST /api/projects/{id}/reports", GrantsSecurityMatrixTest.report())
                .target("POST /api/projects/{id}/reports/{report}/review", p + "/reports/" + report + "/review")
                .body("POST /api/projects/{id}/reports/{report}/review", Map.of("note", "很好"))
                .target("GET /api/projects/{id}/supervision-logs", p + "/supervision-logs")
                .target("POST /api/projects/{id}/supervision-logs", p + "/supervision-logs")
                .body("POST /api/projects/{id}/supervision-logs",
                        Map.of("type", "ON_SITE", "happenedOn", LocalDate.now().toString(), "summary", "现场督导"))
                .reachLast("POST /api/applications/{id}/submit", "POST /api/applications/{id}/withdraw",
                        "POST /api/applications/{id}/conflicts")
                .kernelOperations()
                .publicRead("GET /api/public/*", "disclosure (G7): calls, awards and the programme's ledger, with"
                        + " organisations and amounts, never a reviewer or team member")
                .cityWide("GET /api/calls", "calls are open to every organisation and person in the pools")
                .cityWide("GET /api/calls/{id}", "calls are open to every organisation and person in the pools")
                .callersOwn("GET /api/applications", "lists the caller's own organisation's, assignments' or district's applications")
                .callersOwn("GET /api/projects", "lists the caller's own organisation's, teams' or district's projects")
                .callersOwn("GET /api/reviewers/me/assignments", "the calling reviewer's own assignments")
                .callersOwn("POST /api/calls/{id}/applications", "an organisation applies to an open call with its own"
                        + " application (the call is city-wide); editing, submitting or withdrawing A's is refused")
                .callersOwn("POST /api/applications/{id}/conflicts", "a reviewer of the pool declares their own conflict with"
                        + " an application, assigned or not, so that they are never assigned to it (G3)")
                .callersOwn("POST /api/pools/{pool}/me", "joins the caller themself to a city-wide pool (its facts from"
                        + " the caller's own token)")
                .run().assertIsolated();
        System.out.println("[grants] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(35);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }

    private static String newCall(String op, String district) {
        java.util.Map<String, Object> c = GrantsFlowTest.call(district, district, 100_000_000);
        c.put("districtsInScope", List.of(district));
        c.put("allowMultiplePerOrganisation", true);
        c.put("reviewsPerApplication", 1);
        return as(op).body(c).post("/api/programmes/" + YEAR + "/calls").then().statusCode(201).extract().path("id");
    }

    private static String submitted(String agency, String call, String community) {
        String id = as(agency).body(GrantsFlowTest.application(community, "isolation", 200_000)).post("/api/calls/" + call + "/applications")
                .then().statusCode(201).extract().path("id");
        as(agency).post("/api/applications/" + id + "/submit").then().statusCode(200);
        return id;
    }
}

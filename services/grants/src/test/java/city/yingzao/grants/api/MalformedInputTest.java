package city.yingzao.grants.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static city.yingzao.grants.api.Grants.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a problem (400/404/409/422), never a 500, and changes nothing. */
@QuarkusTest
@DisplayName("Bad input to grants gets a 4xx problem, never a 500, and changes nothing")
class MalformedInputTest {

    static final int YEAR = 2034;
    static final List<String> ROLES = Roles.ALL;

    @TestHTTPResource("/")
    URI root;

    static long rows() {
        long n = 0;
        for (String table : List.of("programme", "grant_call", "application", "application_event", "pool_member", "declared_conflict",
                "assignment", "review", "award_decision", "project", "tranche", "tranche_release", "budget_entry", "supervision_seat",
                "supervision_log", "research_report", "supervision_group")) {
            n += TestPostgres.count("select count(*) from " + table);
        }
        return n;
    }

    @Test
    @DisplayName("G2 failing: negative or zero money is refused: a programme budget, a request (400), a budget line (422 at submission)")
    void negativeMoney() {
        String op = Grants.cityOperator();
        long before = rows();
        as(op).body(Map.of("year", YEAR, "title", "x", "budgetFen", -1, "operatorOrg", "HUB")).post("/api/programmes").then().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:validation")).body("errors.field", hasItem("budgetFen"));
        assertThat(rows()).isEqualTo(before);

        String community = Grants.unique("BC");
        String org = Grants.unique("BO");
        Grants.community(community, "510104", "510104001");
        Grants.organisation(org, community, "SOCIAL_ORGANISATION", LocalDate.of(2015, 1, 1));
        as(op).body(Map.of("year", YEAR, "title", "x", "budgetFen", 10_000_000, "operatorOrg", "HUB")).post("/api/programmes").then().statusCode(201);
        String call = as(op).body(GrantsFlowTest.call("510104", "510105", 5_000_000)).post("/api/programmes/" + YEAR + "/calls")
                .then().statusCode(201).extract().path("id");
        String agency = Grants.agency(org);
        Map<String, Object> zero = new HashMap<>(GrantsFlowTest.application(community, "x", 200_000));
        zero.put("requestedFen", 0);
        long afterSetup = rows();
        as(agency).body(zero).post("/api/calls/" + call + "/applications").then().statusCode(400).body("errors.field", hasItem("requestedFen"));
        assertThat(rows()).isEqualTo(afterSetup);
        Map<String, Object> negativeLine = new HashMap<>(GrantsFlowTest.application(community, "x", 200_000));
        negativeLine.put("budget", List.of(Map.of("item", "a", "amountFen", 300_000), Map.of("item", "b", "amountFen", -100_000)));
        String draft = as(agency).body(negativeLine).post("/api/calls/" + call + "/applications").then().statusCode(201).extract().path("id");
        long drafted = rows();
        as(agency).post("/api/applications/" + draft + "/submit").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:G2"))
                .body("detail", containsString("must be positive"));
        assertThat(rows()).isEqualTo(drafted);
        // G4: a tranche split that does not add up cannot be set
        as(op).body(Map.of("value", "40/40/10", "reason", "x")).put("/api/settings/grants.tranche-split").then().statusCode(400)
                .body("detail", containsString("90%"));
    }

    @Test
    @DisplayName("an unknown call, application or project is 404, a malformed id 404, a body that is not JSON 400, a wrong enum 400")
    void unknownThings() {
        String op = Grants.cityOperator();
        long before = rows();
        as(op).get("/api/calls/00000000-0000-0000-0000-000000000000").then().statusCode(404).body("type", equalTo("urn:yingzao:problem:not-found"));
        as(op).get("/api/calls/not-an-id").then().statusCode(404);
        as(op).get("/api/projects/not-an-id").then().statusCode(404);
        as(op).get("/api/applications/not-an-id").then().statusCode(404);
        as(op).post("/api/calls/not-an-id/assignments/auto").then().statusCode(404);
        as(op).body("{ not json").post("/api/programmes").then().statusCode(400);
        as(op).body(GrantsFlowTest.call("510104", "510105", 5_000_000)).post("/api/programmes/1999/calls").then().statusCode(404);
        Map<String, Object> badKind = new HashMap<>(GrantsFlowTest.call("510104", "510105", 5_000_000));
        badKind.put("targetKind", "PLANET");
        as(op).body(badKind).post("/api/programmes/" + YEAR + "/calls").then().statusCode(400);
        as(op).body(Map.of("personId", "x")).put("/api/projects/00000000-0000-0000-0000-000000000000/team/CAPTAIN").then().statusCode(404);
        as(op).get("/api/pools/nonsense").then().statusCode(404);
        io.restassured.RestAssured.get("/api/public/programmes/1999/ledger").then().statusCode(404);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("every endpoint answers the probe's malformed input (NUL, too long, repeated keys, wrong types, missing fields, overflowing numbers, huge and deep bodies, wrong content types) with a 4xx problem, as every role and anonymously; no table changes")
    void everyEndpoint() {
        long before = rows();
        MalformedInputProbe probe = MalformedInputProbe.against(root).pathValue("year", String.valueOf(YEAR)).pathValue("pool", "reviewer")
                .pathValue("role", "SOCIAL_WORKER").pathValue("number", "1");
        for (String role : ROLES) {
            probe.caller(role, TestTokens.user("probe-" + role).roles(role).communities("510104021001").district("510104").org("ORG01").sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[grants] malformed input: " + result.summary());
        assertThat(result.operations()).isGreaterThan(30);
        assertThat(result.variants()).containsKeys("path %00", "json \\u0000", "json repeated key", "json too long",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it")
    void fieldLengths() {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("ProgrammeRequest.title", "programme.title")
                .stores("ProgrammeRequest.operatorOrg", "programme.operator_org")
                .stores("CriterionRequest.code", "grant_call.rubric")
                .stores("CriterionRequest.name", "grant_call.rubric")
                .stores("CallRequest.title", "grant_call.title")
                .stores("CallRequest.certificateScheme", "grant_call.certificate_scheme")
                .stores("BudgetLineRequest.item", "application.budget")
                .stores("TeamMemberRequest.name", "application.team")
                .stores("TeamMemberRequest.role", "application.team")
                .stores("ApplicationRequest.targetCode", "application.target_code")
                .stores("ApplicationRequest.title", "application.title", "project.title")
                .stores("ApplicationRequest.projectLogic", "application.project_logic")
                .stores("ReasonRequest.reason", "declared_conflict.reason", "tranche_action.reason", "tranche_release.reason")
                .stores("OptionalReasonRequest.reason", "application_event.note")
                .stores("JoinRequest.displayName", "pool_member.display_name")
                .stores("MemberRequest.personId", "pool_member.person_id")
                .stores("MemberRequest.displayName", "pool_member.display_name")
                .stores("MemberRequest.districtCode", "pool_member.district_code")
                .notStored("MemberRequest.supervisionGroupId", "parsed as a UUID first")
                .stores("GroupRequest.name", "supervision_group.name")
                .stores("GroupRequest.districtCode", "supervision_group.district_code")
                .stores("AssignRequest.personId", "assignment.person_id")
                .stores("AssignRequest.reason", "assignment_change.reason")
                .stores("SeatRequest.personId", "supervision_seat.person_id")
                .stores("AttachmentRequest.name", "research_report.attachments")
                .stores("AttachmentRequest.reference", "research_report.attachments")
                .stores("AttachmentRequest.sha256", "research_report.attachments")
                .stores("ReportRequest.title", "research_report.title")
                .stores("ReportRequest.period", "research_report.period")
                .stores("ReportRequest.body", "research_report.body")
                .stores("ReportReviewRequest.note", "research_report.review_note")
                .stores("LogRequest.summary", "supervision_log.summary")
                .check();
        assertThat(checked).isEqualTo(31);
    }
}

package city.yingzao.finance.api;

import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad input gets a problem (400/404/409/422), never a 500, and changes nothing. */
@QuarkusTest
@DisplayName("Bad input to finance gets a 4xx problem, never a 500, and changes nothing")
class MalformedInputTest {

    /** Every realm role; the probe calls an operation as those its OpenAPI security lists. */
    static final List<String> ROLES = Roles.ALL;

    @TestHTTPResource("/")
    URI root;

    String community;
    String staff;

    @BeforeEach
    void community() {
        community = Finance.unique("B");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        staff = Finance.staff(community);
    }

    @Test
    @DisplayName("negative money is refused: a negative budget (400), payment (422 F1) or donation (422 F9)")
    void negativeMoney() {
        long before = rows();
        as(staff).body(project(-100)).post("/api/communities/" + community + "/projects").then().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:validation")).body("detail", containsString("budgetFen"));
        String project = as(staff).body(project(100_000)).post("/api/communities/" + community + "/projects")
                .then().statusCode(201).extract().path("id");
        as(staff).body(Map.of("amountFen", -500, "payeeName", "某某建材", "voucher", "FP-NEG-1")).post("/api/projects/" + project + "/payments").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F1"));
        as(staff).body(Map.of("fundYear", 2027, "donorType", "RESIDENT", "amountFen", -1, "purpose", "x"))
                .post("/api/communities/" + community + "/microfund/donations").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F9"));
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("an unknown community or project is 404, a malformed id 404 or 400, a body that is not JSON 400")
    void unknownThings() {
        long before = rows();
        String stranger = Finance.staff("NOSUCH01");
        as(stranger).body(project(100)).post("/api/communities/NOSUCH01/projects").then().statusCode(404)
                .body("type", equalTo("urn:yingzao:problem:not-found"));
        as(staff).get("/api/projects/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        as(staff).get("/api/projects/not-an-id").then().statusCode(404);
        as(staff).body("{ not json").post("/api/communities/" + community + "/projects").then().statusCode(400);
        as(staff).body(Map.of("title", "x")).post("/api/communities/" + community + "/vote-rounds").then().statusCode(400);
        as(staff).body(Map.of("projectIds", java.util.List.of("not-an-id"))).post("/api/communities/" + community + "/vote-rounds")
                .then().statusCode(400);
        io.restassured.RestAssured.get("/api/public/communities/NOSUCH01/finance").then().statusCode(404);
        as(Finance.cityOperator()).body(Map.of("fundYear", 1900)).post("/api/allocations/runs").then().statusCode(400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("F1, F8: bad input to payments, reversals and year closes is a 4xx problem and moves no money")
    void ledgerTrustInput() {
        long before = rows();
        String project = as(staff).body(project(100_000)).post("/api/communities/" + community + "/projects")
                .then().statusCode(201).extract().path("id");
        String payments = "/api/projects/" + project + "/payments";
        as(staff).body(Map.of("amountFen", 100, "payeeName", "某某建材", "voucher", "V".repeat(41))).post(payments)
                .then().statusCode(400);
        as(staff).body(Map.of("amountFen", 100, "payeeOrg", "O".repeat(65), "voucher", "FP-1")).post(payments)
                .then().statusCode(400);
        as(staff).body(Map.of("amountFen", 100, "payeeName", "某某建材", "voucher", "FP 1")).post(payments)
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F1"));
        as(staff).body(Map.of("amountFen", 100, "payeeName", "13812345678", "voucher", "FP-1")).post(payments)
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F8"));
        as(staff).body(Map.of("reason", "x")).post(payments + "/not-an-id/reversal").then().statusCode(404);
        as(staff).body(Map.of("reason", "x".repeat(301))).post(payments + "/" + java.util.UUID.randomUUID() + "/reversal")
                .then().statusCode(400);
        as(staff).body(Map.of()).post(payments + "/" + java.util.UUID.randomUUID() + "/reversal").then().statusCode(400);
        String operator = Finance.cityOperator();
        as(operator).body(Map.of("early", true)).post("/api/communities/" + community + "/fund-years/1999/close").then().statusCode(400);
        as(operator).body(Map.of("early", true)).post("/api/communities/" + community + "/fund-years/20x7/close").then().statusCode(404);
        as(operator).body(Map.of("early", "maybe")).post("/api/communities/" + community + "/fund-years/2027/close").then().statusCode(400);
        as(operator).body(Map.of("early", true)).post("/api/communities/NOSUCH01/fund-years/2027/close").then().statusCode(404);
        as(operator).body(Map.of("early", true)).post("/api/fund-years/2027/close?district=a'b").then().statusCode(400);
        assertThat(rows()).isEqualTo(before + 1);
        assertThat(TestPostgres.count("select count(*) from fund_year_close where community_code = ?", community)).isZero();
    }

    @Test
    @DisplayName("F5 passing: a project on the negative list is refused with the reason, and nothing is created")
    void negativeList() {
        long before = rows();
        Map<String, Object> body = new java.util.HashMap<>(project(100_000));
        body.put("category", "GOVERNMENT_DUTY");
        as(staff).body(body).post("/api/communities/" + community + "/projects").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F5")).body("detail", containsString("negative list"));
        body.put("category", "VOLUNTEER_SERVICES");
        body.put("purpose", "支付社区工作人员工资");
        as(staff).body(body).post("/api/communities/" + community + "/projects").then().statusCode(422)
                .body("detail", containsString("工资"));
        body.put("category", "FIREWORKS");
        as(staff).body(body).post("/api/communities/" + community + "/projects").then().statusCode(400)
                .body("detail", containsString("SOCIAL_ORGANISATIONS"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("every endpoint answers the probe's malformed input (NUL, too long, repeated keys, wrong types, missing fields, overflowing numbers, huge and deep bodies, wrong content types) with a 4xx problem, as every role and anonymously; no table changes")
    void everyEndpoint() {
        long before = rows();
        MalformedInputProbe probe = MalformedInputProbe.against(root).pathValue("code", community).pathValue("year", "2027");
        for (String role : ROLES) {
            probe.caller(role, TestTokens.user("probe-" + role).roles(role).communities(community).district("510104")
                    .household("H0001").org("ORG01").sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[finance] malformed input: " + result.summary());

        assertThat(result.operations()).isGreaterThan(15);
        assertThat(result.variants()).containsKeys("path %00", "query %00", "json \\u0000", "json repeated key", "json too long",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it; the ledger memo fits its column and its contract")
    void fieldLengths() throws Exception {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("PolicyRequest.reason", "fund_policy_change.reason")
                .notStored("ProjectRequest.category", "the name of a SpendingCategory, checked by the domain")
                .notStored("ProjectRequest.urgency", "the name of an Urgency, checked by the domain")
                .stores("ProjectRequest.title", "project.title")
                .stores("ProjectRequest.purpose", "project.purpose")
                .stores("StepRequest.note", "project_step.note")
                .stores("HearingRequest.summary", "project.hearing_summary")
                .stores("EndingRequest.reason", "project.ended_reason")
                .stores("PaymentRequest.memo", "ledger_entry.memo")
                .stores("PaymentRequest.payeeOrg", "payment.payee_org")
                .stores("PaymentRequest.payeeName", "payment.payee")
                .stores("PaymentRequest.voucher", "payment.voucher")
                .stores("ReversalRequest.reason", "payment_reversal.reason")
                .stores("RoundRequest.title", "vote_round.title")
                .stores("PaperBallotRequest.householdCode", "ballot.household_code")
                .stores("PaperBallotRequest.sheet", "ballot.sheet", "voided_ballot.sheet")
                .stores("PaperStackLine.householdCode", "ballot.household_code")
                .stores("PaperStackLine.sheet", "ballot.sheet", "voided_ballot.sheet")
                .stores("PaperBallotStackRequest.sheet", "ballot.sheet", "voided_ballot.sheet")
                .stores("VoidRequest.reason", "voided_ballot.void_reason")
                .stores("HouseholdCountRequest.reason", "household_count_declaration.reason")
                .notStored("DonationRequest.donorType", "the name of a DonorType, checked by the domain")
                .stores("DonationRequest.donorName", "donation.donor_name")
                .stores("DonationRequest.purpose", "donation.purpose", "ledger_entry.memo")
                .stores("GrantRequest.orgCode", "grant_award.org_code")
                .stores("GrantRequest.purpose", "grant_award.purpose", "ledger_entry.memo")
                .check();
        assertThat(checked).isEqualTo(23);

        // a payment's memo names the project's title and the staff's memo: more than the column; the entry cuts it
        assertThat(TestPostgres.count("select character_maximum_length from information_schema.columns"
                + " where table_name = 'ledger_entry' and column_name = 'memo'")).isEqualTo(LedgerEntry.MEMO_MAX);
        try (InputStream schema = getClass().getClassLoader().getResourceAsStream("schemas/finance/ledger-entry-posted.v1.json")) {
            assertThat(new ObjectMapper().readTree(schema).at("/properties/memo/maxLength").asInt()).isEqualTo(LedgerEntry.MEMO_MAX);
        }
    }

    private long rows() {
        return TestPostgres.count("select count(*) from project where community_code = ?", community)
                + TestPostgres.count("select count(*) from ledger_entry where community_code = ?", community);
    }

    static Map<String, Object> project(long budget) {
        return Map.of("fundYear", 2027, "title", "楼道照明", "category", "INFRASTRUCTURE_MAINTENANCE", "purpose", "更换灯具",
                "budgetFen", budget, "urgency", "MEDIUM");
    }
}

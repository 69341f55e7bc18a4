package city.yingzao.finance.api;

import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 10's ledger trust items on real PostgreSQL and Kafka: reversing entries by a second person (F8), payee and
 * voucher on every payment (F1, F8), the year-end carry-over (F1) and the streamed ledger CSV (F8).
 */
@QuarkusTest
class LedgerTrustTest {

    static final int YEAR = 2026;

    @Test
    @DisplayName("F8 reversal: a payment in error is reversed by a second person, once, naming it; paid and balance restored, chain intact")
    void reversal() {
        String community = Finance.unique("RV");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 2350);
        String staff = Finance.staff(community);
        String second = secondStaff(community);
        String project = implementing(community, staff, 2_000_000);
        long before = balance(community, YEAR);

        String payment = pay(staff, project, Map.of("payeeName", "成都锦江路灯维修有限公司", "voucher", "FP-2026-0001"), 800_000)
                .then().statusCode(200).body("paidFen", equalTo(800_000)).extract().path("entryId");
        assertThat(balance(community, YEAR)).isEqualTo(before - 800_000);
        String path = "/api/projects/" + project + "/payments/" + payment + "/reversal";

        // F8: not by the one who posted it
        as(staff).body(Map.of("reason", "付错了供应商")).post(path).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8")).body("detail", containsString("second person"));
        as(second).body(Map.of("reason", " ")).post(path).then().statusCode(400);
        String reversal = as(second).body(Map.of("reason", "付错了供应商")).post(path).then().statusCode(200)
                .body("paidFen", equalTo(0)).body("amountFen", equalTo(800_000)).extract().path("entryId");
        // once per entry
        as(Finance.staff(community)).body(Map.of("reason", "again")).post(path).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F8")).body("detail", containsString("reversed once"));
        as(second).body(Map.of("reason", "x")).post("/api/projects/" + project + "/payments/" + UUID.randomUUID() + "/reversal")
                .then().statusCode(404);
        // the reversal itself is no payment: it is not reversed in turn
        as(staff).body(Map.of("reason", "x")).post("/api/projects/" + project + "/payments/" + reversal + "/reversal")
                .then().statusCode(404);

        assertThat(balance(community, YEAR)).isEqualTo(before);
        assertThat(TestPostgres.count("select paid_fen from project where id = ?::uuid", project)).isZero();
        // both entries stay in the public ledger, linked both ways, and the chain verifies
        RestAssured.get("/api/public/communities/" + community + "/ledger?year=" + YEAR).then().statusCode(200)
                .body("find { it.id == '" + payment + "' }.reversedBy", equalTo(reversal))
                .body("find { it.id == '" + payment + "' }.voucher", equalTo("FP-2026-0001"))
                .body("find { it.id == '" + reversal + "' }.reverses", equalTo(payment))
                .body("find { it.id == '" + reversal + "' }.reference", equalTo(payment))
                .body("find { it.id == '" + reversal + "' }.memo", containsString("付错了供应商"));
        as(Finance.auditor()).post("/api/ledger/verify?community=" + community).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3));
        // the project can be paid again, the whole budget
        pay(staff, project, Map.of("payeeName", "成都锦江照明工程有限公司", "voucher", "FP-2026-0002"), 2_000_000)
                .then().statusCode(200).body("paidFen", equalTo(2_000_000));
    }

    @Test
    @DisplayName("F8 payee, F1 voucher: a payment names an organisation or supplier (never a phone or ID number) and a voucher unique per account")
    void payeeAndVoucher() {
        String community = Finance.unique("PV");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 2350);
        String staff = Finance.staff(community);
        String project = implementing(community, staff, 2_000_000);
        String org = Finance.unique("ORG");
        Finance.publish(new OrganisationSnapshotV1(org, community, "锦江区院落自治服务社", "SOCIAL_ORGANISATION",
                LocalDate.of(2015, 3, 12), true, 1, Instant.now()));
        Finance.await(() -> TestPostgres.count("select count(*) from replica_organisation where code = ?", org) == 1,
                "organisation " + org);

        // F8: no payee, both, an unknown organisation, a person's phone or ID number: refused, nothing posted
        pay(staff, project, Map.of("voucher", "FP-1"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8"));
        pay(staff, project, Map.of("payeeOrg", org, "payeeName", "x", "voucher", "FP-001"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8"));
        pay(staff, project, Map.of("payeeOrg", "NOSUCHORG", "voucher", "FP-001"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8")).body("detail", containsString("not known"));
        pay(staff, project, Map.of("payeeName", "张师傅 138-1234-5678", "voucher", "FP-001"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8")).body("detail", containsString("phone"));
        pay(staff, project, Map.of("payeeName", "51010419800101123X", "voucher", "FP-001"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F8")).body("detail", containsString("ID number"));
        pay(staff, project, Map.of("payeeName", "x".repeat(101), "voucher", "FP-001"), 100).then().statusCode(400);
        // F1: the voucher's shape
        pay(staff, project, Map.of("payeeName", "某某建材", "voucher", "发票 1"), 100).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F1")).body("detail", containsString("voucher"));
        pay(staff, project, Map.of("payeeName", "某某建材"), 100).then().statusCode(400);
        assertThat(TestPostgres.count("select count(*) from payment where project_id = ?::uuid", project)).isZero();

        pay(staff, project, Map.of("payeeOrg", org, "voucher", "JJ-2026/0007"), 300_000).then().statusCode(200)
                .body("payee", equalTo("锦江区院落自治服务社 (" + org + ")")).body("voucher", equalTo("JJ-2026/0007"));
        // F1: the same voucher twice in the account: 409, nothing more paid
        String other = createAndImplement(community, staff);
        pay(staff, other, Map.of("payeeName", "某某建材", "voucher", "JJ-2026/0007"), 100).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F1")).body("detail", containsString("JJ-2026/0007"));
        assertThat(TestPostgres.count("select paid_fen from project where id = ?::uuid", other)).isZero();
        pay(staff, other, Map.of("payeeName", "某某建材有限公司", "voucher", "JJ-2026/0008"), 100).then().statusCode(200);

        // shown in the public ledger and in the CSV; the hash covers them (they lead the memo)
        RestAssured.get("/api/public/communities/" + community + "/ledger?year=" + YEAR).then().statusCode(200)
                .body("find { it.voucher == 'JJ-2026/0007' }.payee", equalTo("锦江区院落自治服务社 (" + org + ")"))
                .body("find { it.voucher == 'JJ-2026/0007' }.memo", containsString("voucher JJ-2026/0007"))
                .body("find { it.kind == 'ALLOCATION' }.payee", nullValue());
        String csv = RestAssured.get("/api/public/communities/" + community + "/ledger.csv?year=" + YEAR).then().statusCode(200)
                .extract().asString();
        assertThat(csv.split("\r\n")[0]).endsWith(",payee,voucher,reverses,reversed_by");
        assertThat(csv).contains(",锦江区院落自治服务社 (" + org + "),JJ-2026/0007,,").contains(",某某建材有限公司,JJ-2026/0008,,");
        as(Finance.auditor()).post("/api/ledger/verify?community=" + community).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @DisplayName("F1 carry-over: closing a fund year moves the balance to next year's account by a closing and an opening entry, once")
    void carryOver() {
        String community = Finance.unique("YE");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 2350);
        String staff = Finance.staff(community);
        String project = implementing(community, staff, 2_000_000);
        pay(staff, project, Map.of("payeeName", "某某建材", "voucher", "YE-0001"), 500_000).then().statusCode(200);
        long left = balance(community, YEAR);
        assertThat(left).isPositive();
        String path = "/api/communities/" + community + "/fund-years/" + YEAR + "/close";
        String operator = Finance.cityOperator();

        // F1: 2026 has not ended in Asia/Shanghai: only with early=true; never by staff or another district
        as(operator).body(Map.of()).post(path).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F1"))
                .body("detail", containsString("Asia/Shanghai"));
        as(staff).body(Map.of("early", true)).post(path).then().statusCode(403);
        as(Finance.districtOperator("510105")).body(Map.of("early", true)).post(path).then().statusCode(403);
        Response closed = as(Finance.districtOperator("510104")).body(Map.of("early", true)).post(path);
        closed.then().statusCode(200).body("carriedFen", equalTo((int) left)).body("toYear", equalTo(YEAR + 1));
        String closing = closed.path("closingEntryId");
        String opening = closed.path("openingEntryId");
        // once
        as(operator).body(Map.of("early", true)).post(path).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F1")).body("detail", containsString("closed already"));

        assertThat(balance(community, YEAR)).isZero();
        assertThat(balance(community, YEAR + 1)).isEqualTo(left);
        RestAssured.get("/api/public/communities/" + community + "/ledger").then().statusCode(200)
                .body("find { it.id == '" + closing + "' }.reference", equalTo(opening))
                .body("find { it.id == '" + closing + "' }.account", equalTo("community:" + community + ":" + YEAR))
                .body("find { it.id == '" + opening + "' }.reference", equalTo(closing))
                .body("find { it.id == '" + opening + "' }.account", equalTo("community:" + community + ":" + (YEAR + 1)))
                .body("find { it.id == '" + opening + "' }.memo", containsString("carry-over"));
        // the disclosure shows the carried amount
        RestAssured.get("/api/public/communities/" + community + "/finance").then().statusCode(200)
                .body("carryOvers[0].fundYear", equalTo(YEAR)).body("carryOvers[0].carriedFen", equalTo((int) left))
                .body("carryOvers[0].early", equalTo(true)).body(org.hamcrest.Matchers.not(containsString("district-operator")));
        as(Finance.auditor()).post("/api/ledger/verify?community=" + community).then().statusCode(200).body("intact", equalTo(true));
        // a closed year takes no more payments (its money moved on)
        pay(staff, project, Map.of("payeeName", "某某建材", "voucher", "YE-0002"), 100).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F1")).body("detail", containsString("closed"));
    }

    @Test
    @DisplayName("F1 carry-over: a district's run closes every community of the district at once, set-based, and only once")
    void carryOverRun() {
        String district = Finance.unique("D").substring(0, 8);
        String a = Finance.unique("YA");
        String b = Finance.unique("YB");
        Finance.community(a, "URBAN", district, "MAIN_URBAN", 1000);
        Finance.community(b, "URBAN", district, "MAIN_URBAN", 500);
        as(Finance.cityOperator()).body(Map.of("fundYear", YEAR)).post("/api/allocations/runs").then().statusCode(200);
        long total = balance(a, YEAR) + balance(b, YEAR);
        assertThat(total).isPositive();

        as(Finance.districtOperator(district)).body(Map.of("early", true)).post("/api/fund-years/" + YEAR + "/close?district=" + district)
                .then().statusCode(200).body("communities", equalTo(2)).body("closed", equalTo(2))
                .body("carriedFen", equalTo((int) total));
        as(Finance.cityOperator()).body(Map.of("early", true)).post("/api/fund-years/" + YEAR + "/close?district=" + district)
                .then().statusCode(200).body("closed", equalTo(0)).body("closedBefore", equalTo(2));
        assertThat(balance(a, YEAR) + balance(b, YEAR)).isZero();
        assertThat(balance(a, YEAR + 1) + balance(b, YEAR + 1)).isEqualTo(total);
        as(Finance.cityOperator()).body(Map.of("early", true)).post("/api/communities/" + a + "/fund-years/" + YEAR + "/close")
                .then().statusCode(409);
        for (String c : List.of(a, b)) {
            as(Finance.auditor()).post("/api/ledger/verify?community=" + c).then().statusCode(200).body("intact", equalTo(true))
                    .body("entries", equalTo(3));
        }
    }

    @Test
    @DisplayName("F8 streamed CSV: ledger.csv of 30,000 entries is complete, row for row, and sent as a stream")
    void streamedCsv() throws Exception {
        String community = Finance.unique("CSV");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 800);
        int entries = 30_000;
        String account = "microfund:" + community + ":" + YEAR;
        try (Connection c = TestPostgres.connect()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into account (code, community_code, fund_year, kind, balance_fen, last_sequence, last_hash)
                    values (?, ?, ?, 'MICROFUND', ?, ?, ?)""")) {
                s.setString(1, account);
                s.setString(2, community);
                s.setInt(3, YEAR);
                s.setLong(4, entries * 100L);
                s.setLong(5, entries);
                s.setString(6, "f".repeat(64));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into ledger_entry (id, account_code, community_code, fund_year, sequence, kind, reference, memo,
                        posted_at, previous_hash, hash)
                    select md5(? || n)::uuid, ?, ?, ?, n, 'DONATION', 'ref-' || n, 'donation, "quoted", ' || n, now(),
                        case when n > 1 then lpad(to_hex(n - 1), 64, '0') end, lpad(to_hex(n), 64, '0')
                    from generate_series(1, ?) n""")) {
                s.setString(1, community);
                s.setString(2, account);
                s.setString(3, community);
                s.setInt(4, YEAR);
                s.setInt(5, entries);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into ledger_line (entry_id, line_no, account, debit_fen, credit_fen)
                    select md5(? || n)::uuid, l, case l when 1 then ? else 'donors:resident' end,
                        case l when 1 then 100 else 0 end, case l when 1 then 0 else 100 end
                    from generate_series(1, ?) n, generate_series(1, 2) l""")) {
                s.setString(1, community);
                s.setString(2, account);
                s.setInt(3, entries);
                s.executeUpdate();
            }
        }
        Response response = RestAssured.get("/api/public/communities/" + community + "/ledger.csv");
        response.then().statusCode(200).contentType(containsString("text/csv"));
        // streamed: no length known up front, sent in chunks
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        String[] rows = response.asString().split("\r\n");
        assertThat(rows).hasSize(1 + 2 * entries);
        assertThat(rows[1]).contains(",1,DONATION,ref-1,\"donation, \"\"quoted\"\", 1\",");
        assertThat(rows[rows.length - 1]).contains("," + entries + ",DONATION,ref-" + entries + ",")
                .contains(",donors:resident,0,100,").endsWith(",,,,");
        RestAssured.get("/api/public/communities/NOSUCH99/ledger.csv").then().statusCode(404);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static Response pay(String staff, String project, Map<String, Object> payee, long amount) {
        Map<String, Object> body = new java.util.HashMap<>(payee);
        body.put("amountFen", amount);
        return as(staff).body(body).post("/api/projects/" + project + "/payments");
    }

    static String secondStaff(String community) {
        return TestTokens.user("staff-li").roles("community-staff").communities(community).sign();
    }

    static long balance(String community, int year) {
        return TestPostgres.count("select coalesce(sum(balance_fen), 0) from account where code = ?",
                "community:" + community + ":" + year);
    }

    /** The year's allocation made, and a project walked to step 6 (implementation) through the API. */
    static String implementing(String community, String staff, long budgetFen) {
        as(Finance.cityOperator()).body(Map.of("fundYear", YEAR)).post("/api/allocations/runs").then().statusCode(200);
        return walk(community, staff, ProjectLifecycleTest.createProject(community, staff, budgetFen));
    }

    static String createAndImplement(String community, String staff) {
        return walk(community, staff, ProjectLifecycleTest.createProject(community, staff, 100_000));
    }

    private static String walk(String community, String staff, String project) {
        Finance.households(community, 1);
        String round = VoteApiTest.open(staff, community, project);
        ProjectLifecycleTest.vote(Finance.resident(community, "H0001"), community, round, List.of(project)).then().statusCode(201);
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(200);
        ProjectLifecycleTest.advance(staff, project, 2, null).then().statusCode(200);
        ProjectLifecycleTest.advance(staff, project, 3, "院落自组织梳理讨论").then().statusCode(200);
        var resolution = Finance.resolution(community, project);
        Finance.publish(resolution);
        Finance.await(() -> TestPostgres.count("select count(*) from council_decision where decision_id = ?",
                resolution.resolutionId()) == 1, "the resolution is consumed");
        ProjectLifecycleTest.advance(staff, project, 4, "决议公示").then().statusCode(200);
        as(staff).body(Map.of("summary", "受影响居民参加听证", "attendees", 5)).post("/api/projects/" + project + "/hearing")
                .then().statusCode(200);
        ProjectLifecycleTest.advance(staff, project, 5, null).then().statusCode(200);
        ProjectLifecycleTest.advance(staff, project, 6, null).then().statusCode(200);
        return project;
    }
}

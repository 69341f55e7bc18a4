package city.yingzao.finance.api;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

/**
 * The ledger as an auditor meets it (F1, F8, F9): micro-fund donations and grants on the same rules,
 * rows the database refuses to change, a chain the verify endpoint recomputes, and a row tampered
 * with plain SQL (trigger disabled, as an intruder with the database password would) reported at the
 * entry where the chain breaks; the public sees every entry, and no donor's name.
 */
@QuarkusTest
class LedgerApiTest {

    static final int YEAR = 2027;

    @Test
    @DisplayName("F9 passing: donations in, grants out, on the same ledger rules; a grant above the balance is refused")
    void microFund() {
        String community = Finance.unique("M");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 800);
        String staff = Finance.staff(community);
        donate(staff, community, 300_000, "王小明").then().statusCode(201).body("balanceFen", equalTo(300_000))
                .body("sequence", equalTo(1));
        as(staff).body(Map.of("fundYear", YEAR, "donorType", "COMPANY", "donorName", "某某超市", "amountFen", 200_000,
                "purpose", "儿童之家")).post("/api/communities/" + community + "/microfund/donations").then().statusCode(201)
                .body("balanceFen", equalTo(500_000));
        grant(staff, community, 600_000).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F1"))
                .body("detail", containsString("would leave it at -1,000.00 CNY"));
        grant(staff, community, 450_000).then().statusCode(201).body("balanceFen", equalTo(50_000)).body("sequence", equalTo(3));
        donate(staff, community, -5, "x").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F9"));
        assertThat(TestPostgres.count("select count(*) from ledger_entry where community_code = ?", community)).isEqualTo(3);

        // F8: the public ledger shows every entry, the donor's type, never the donor's name
        String json = RestAssured.get("/api/public/communities/" + community + "/ledger?year=" + YEAR).then().statusCode(200)
                .body("size()", equalTo(3)).body("[0].memo", equalTo("resident donation: 老年食堂"))
                .body("[0].lines[1].account", equalTo("donors:resident")).extract().asString();
        assertThat(json).doesNotContain("王小明").doesNotContain("某某超市");
        String csv = RestAssured.get("/api/public/communities/" + community + "/ledger.csv?year=" + YEAR).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(1 + 6);
        assertThat(csv).startsWith("entry_id,account,fund_year,sequence").doesNotContain("王小明");
        RestAssured.get("/api/public/communities/" + community + "/finance").then().statusCode(200)
                .body("accounts.find { it.kind == 'MICROFUND' }.balanceFen", equalTo(50_000))
                .body(not(containsString("王小明")));
    }

    @Test
    @DisplayName("F8 passing: ledger rows cannot be updated or deleted; the database refuses")
    void appendOnly() throws SQLException {
        String community = Finance.unique("M");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 800);
        donate(Finance.staff(community), community, 10_000, "a").then().statusCode(201);
        try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update ledger_line set credit_fen = 1 where account = 'donors:resident'"
                    + " and entry_id in (select id from ledger_entry where community_code = '" + community + "')"))
                    .hasMessageContaining("F8: ledger rows are immutable");
            assertThatThrownBy(() -> s.executeUpdate("delete from ledger_entry where community_code = '" + community + "'"))
                    .hasMessageContaining("immutable");
        }
    }

    @Test
    @DisplayName("F8 passing: the verify endpoint recomputes the chain and reports the first tampered entry")
    void tamperingDetected() throws SQLException {
        String community = Finance.unique("T");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 800);
        String staff = Finance.staff(community);
        for (int i = 1; i <= 4; i++) {
            donate(staff, community, 10_000 * i, "donor " + i).then().statusCode(201);
        }
        as(Finance.auditor()).post("/api/ledger/verify?community=" + community).then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", greaterThanOrEqualTo(4));

        String tampered = (String) TestPostgres.queryValue(
                "select id::text from ledger_entry where community_code = ? and sequence = 3", community);
        String hash = (String) TestPostgres.queryValue("select hash from ledger_entry where id = ?::uuid", tampered);
        try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
            s.execute("alter table ledger_line disable trigger ledger_line_append_only");
            try {
                s.executeUpdate("update ledger_line set debit_fen = 99, credit_fen = 0 where entry_id = '" + tampered
                        + "' and debit_fen > 0");
                s.executeUpdate("update ledger_line set credit_fen = 99 where entry_id = '" + tampered + "' and credit_fen > 0");
            } finally {
                s.execute("alter table ledger_line enable trigger ledger_line_append_only");
            }
        }
        as(Finance.cityOperator()).post("/api/ledger/verify?community=" + community).then().statusCode(200)
                .body("intact", equalTo(false)).body("breaks.size()", equalTo(1))
                .body("breaks[0].entryId", equalTo(tampered)).body("breaks[0].sequence", equalTo(3))
                .body("breaks[0].found", equalTo(hash)).body("breaks[0].expected", not(equalTo(hash)))
                .body("breaks[0].problem", equalTo("content does not match its hash"));
        as(Finance.staff(community)).post("/api/ledger/verify?community=" + community).then().statusCode(403);
    }

    static io.restassured.response.Response donate(String staff, String community, long amount, String donor) {
        return as(staff).body(Map.of("fundYear", YEAR, "donorType", "RESIDENT", "donorName", donor, "amountFen", amount,
                "purpose", "老年食堂")).post("/api/communities/" + community + "/microfund/donations");
    }

    static io.restassured.response.Response grant(String staff, String community, long amount) {
        return as(staff).body(Map.of("fundYear", YEAR, "orgCode", "ORG-ELDER", "amountFen", amount, "purpose", "老年食堂运营"))
                .post("/api/communities/" + community + "/microfund/grants");
    }
}

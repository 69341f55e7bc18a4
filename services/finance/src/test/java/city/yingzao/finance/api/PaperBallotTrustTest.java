package city.yingzao.finance.api;

import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Trust in paper ballots (F7, issue 10): each entry names its sheet and who entered it; a household
 * sees how its own ballot was recorded; rounds show turnout; an entry made in error is voided by a
 * second person, with a reason, while the round is open, and the household may be entered again.
 */
@QuarkusTest
class PaperBallotTrustTest {

    @Test
    @DisplayName("F7 a paper entry, single or in a stack, names its sheet (required, bounded, a pattern) and who entered it; staff list them")
    void sheetAndClerkRecorded() {
        PaperBallotStackTest.OpenRound open = PaperBallotStackTest.OpenRound.withHouseholds(4);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        String ballots = "/api/communities/" + community + "/vote-rounds/" + round;

        as(staff).body(Map.of("householdCode", "H0001", "approvals", List.of(project))).post(ballots + "/paper-ballots")
                .then().statusCode(400).body(containsString("\"sheet"));
        as(staff).body(Map.of("householdCode", "H0001", "sheet", "S 2027/<b>", "approvals", List.of(project)))
                .post(ballots + "/paper-ballots").then().statusCode(400).body(containsString("\"sheet"));
        as(staff).body(Map.of("householdCode", "H0001", "sheet", "S-" + "9".repeat(40), "approvals", List.of(project)))
                .post(ballots + "/paper-ballots").then().statusCode(400);
        as(staff).body(Map.of("ballots", List.of(PaperBallotStackTest.line("H0002", project)))).post(ballots + "/paper-ballots/batch")
                .then().statusCode(400).body(containsString("\"sheet"));
        assertThat(TestPostgres.count("select count(*) from ballot where round_id = ?::uuid", round)).isZero();

        as(staff).body(Map.of("householdCode", "H0001", "sheet", "S-2027-014", "approvals", List.of(project)))
                .post(ballots + "/paper-ballots").then().statusCode(201);
        as(staff).body(Map.of("sheet", "STACK-7", "ballots", List.of(PaperBallotStackTest.line("H0002", project),
                        Map.of("householdCode", "H0003", "sheet", "S-2027-015", "approvals", List.of()))))
                .post(ballots + "/paper-ballots/batch").then().statusCode(200).body("accepted", equalTo(2));
        VoteApiTest.online(community, "H0004", round, List.of(project)).then().statusCode(201);

        as(staff).get(ballots + "/paper-ballots").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(3))
                .body("items[0].householdCode", equalTo("H0001")).body("items[0].sheet", equalTo("S-2027-014"))
                .body("items[0].enteredBy", equalTo("community-staff")).body("items[0].recordedAt", notNullValue())
                .body("items[0].voided", equalTo(false))
                .body("items[1].sheet", equalTo("STACK-7")).body("items[2].sheet", equalTo("S-2027-015"))
                .body("items[0].approvals", nullValue());
        assertThat(TestPostgres.count("select count(*) from ballot where round_id = ?::uuid and channel = 'PAPER' "
                + "and recorded_by = 'community-staff' and sheet is not null", round)).isEqualTo(3);
    }

    @Test
    @DisplayName("F7 a household sees whether and how its own ballot was recorded (channel, time, sheet, voided), its own approvals only")
    void householdSeesItsOwnBallot() {
        PaperBallotStackTest.OpenRound open = PaperBallotStackTest.OpenRound.withHouseholds(3);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        String mine = "/api/communities/" + community + "/vote-rounds/" + round + "/my-ballot";

        as(Finance.resident(community, "H0001")).get(mine).then().statusCode(200)
                .body("status", equalTo("NOT_RECORDED")).body("householdCode", equalTo("H0001"))
                .body("channel", nullValue()).body("voided", hasSize(0));
        VoteApiTest.online(community, "H0001", round, List.of(project)).then().statusCode(201);
        VoteApiTest.paper(staff, community, "H0002", round, List.of()).then().statusCode(201);

        as(Finance.resident(community, "H0001")).get(mine).then().statusCode(200)
                .body("status", equalTo("RECORDED")).body("channel", equalTo("ONLINE")).body("recordedAt", notNullValue())
                .body("sheet", nullValue()).body("approvals", equalTo(List.of(project)));
        String paperView = as(Finance.resident(community, "H0002")).get(mine).then().statusCode(200)
                .body("status", equalTo("RECORDED")).body("channel", equalTo("PAPER")).body("sheet", equalTo("S-2027-H0002"))
                .body("approvals", hasSize(0)).extract().asString();
        // its own choices only: nothing of H0001's ballot, nor who entered it
        assertThat(paperView).doesNotContain("H0001").doesNotContain("community-staff");

        as(clerk(community, "clerk-2")).body(Map.of("reason", "读错户号")).post(
                "/api/communities/" + community + "/vote-rounds/" + round + "/paper-ballots/H0002/void").then().statusCode(200);
        as(Finance.resident(community, "H0002")).get(mine).then().statusCode(200)
                .body("status", equalTo("VOIDED")).body("channel", nullValue())
                .body("voided", hasSize(1)).body("voided[0].sheet", equalTo("S-2027-H0002"))
                .body("voided[0].reason", equalTo("读错户号")).body("voided[0].voidedAt", notNullValue());
        as(Finance.resident(community, "H0003")).get(
                "/api/communities/" + community + "/vote-rounds/00000000-0000-0000-0000-000000000000/my-ballot").then().statusCode(404);
    }

    @Test
    @DisplayName("F7 an entry made in error is voided with a reason by a second person only, audited, while the round is open; the household is entered again; tallies exclude it")
    void voidBySecondPerson() {
        PaperBallotStackTest.OpenRound open = PaperBallotStackTest.OpenRound.withHouseholds(3);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        String base = "/api/communities/" + community + "/vote-rounds/" + round;
        String publicRound = "/api/public/communities/" + community + "/vote-rounds/" + round;
        String second = clerk(community, "clerk-2");

        VoteApiTest.paper(staff, community, "H0001", round, List.of(project)).then().statusCode(201);
        VoteApiTest.online(community, "H0002", round, List.of(project)).then().statusCode(201);
        given().get(publicRound).then().body("ballots", equalTo(2)).body("tally[0].approvals", equalTo(2));

        as(staff).body(Map.of("reason", "录入错误")).post(base + "/paper-ballots/H0001/void").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F7"))
                .body("detail", equalTo("F7: the paper ballot of household H0001 was entered by community-staff; "
                        + "a second person must void it"));
        as(second).body(Map.of()).post(base + "/paper-ballots/H0001/void").then().statusCode(400);
        as(second).body(Map.of("reason", "在线投票不能作废")).post(base + "/paper-ballots/H0002/void").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F7"));
        as(second).body(Map.of("reason", "x")).post(base + "/paper-ballots/H0003/void").then().statusCode(404);
        given().get(publicRound).then().body("ballots", equalTo(2));

        as(second).body(Map.of("reason", "户号看错，应为 H0003")).post(base + "/paper-ballots/H0001/void").then().statusCode(200)
                .body("householdCode", equalTo("H0001")).body("enteredBy", equalTo("community-staff"))
                .body("voidedBy", equalTo("clerk-2")).body("reason", equalTo("户号看错，应为 H0003"))
                .body("voidedAt", notNullValue());
        given().get(publicRound).then().body("ballots", equalTo(1)).body("paperBallots", equalTo(0))
                .body("tally[0].approvals", equalTo(1));

        // entered again, on its right sheet: counted once
        as(second).body(Map.of("householdCode", "H0001", "sheet", "S-2027-020", "approvals", List.of()))
                .post(base + "/paper-ballots").then().statusCode(201);
        given().get(publicRound).then().body("ballots", equalTo(2)).body("paperBallots", equalTo(1))
                .body("tally[0].approvals", equalTo(1));
        as(staff).get(base + "/paper-ballots").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].householdCode", equalTo("H0001")).body("items[0].voided", equalTo(true))
                .body("items[0].voidedBy", equalTo("clerk-2")).body("items[0].voidReason", equalTo("户号看错，应为 H0003"))
                .body("items[0].sheet", equalTo("S-2027-H0001"))
                .body("items[1].voided", equalTo(false)).body("items[1].sheet", equalTo("S-2027-020"))
                .body("items[1].enteredBy", equalTo("clerk-2"));

        as(staff).post(base + "/close").then().statusCode(200);
        as(staff).body(Map.of("reason", "太晚了")).post(base + "/paper-ballots/H0001/void").then().statusCode(409)
                .body("detail", containsString("closed"));
        given().get(publicRound).then().body("ballots", equalTo(2));
    }

    @Test
    @DisplayName("F7 rounds show turnout against the community's registered households, voided ballots excluded, in the round view and the public results")
    void turnout() {
        PaperBallotStackTest.OpenRound open = PaperBallotStackTest.OpenRound.withHouseholds(8);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        Finance.householdMovedOut(community, "H0008");
        String base = "/api/communities/" + community + "/vote-rounds/" + round;
        String publicRound = "/api/public/communities/" + community + "/vote-rounds/" + round;

        VoteApiTest.online(community, "H0001", round, List.of(project)).then().statusCode(201);
        VoteApiTest.paper(staff, community, "H0002", round, List.of()).then().statusCode(201);
        VoteApiTest.paper(staff, community, "H0003", round, List.of(project)).then().statusCode(201);
        given().get(publicRound).then().statusCode(200)
                .body("turnout.registeredHouseholds", equalTo(7)).body("turnout.ballots", equalTo(3))
                .body("turnout.percent", equalTo(42.9f)).body("turnout.frozen", equalTo(false));

        as(clerk(community, "clerk-2")).body(Map.of("reason", "重复录入")).post(base + "/paper-ballots/H0003/void")
                .then().statusCode(200);
        given().get("/api/public/communities/" + community + "/vote-rounds").then().statusCode(200)
                .body("find { it.id == '" + round + "' }.turnout.ballots", equalTo(2))
                .body("find { it.id == '" + round + "' }.turnout.percent", equalTo(28.6f));
        given().get("/api/public/communities/" + community + "/finance").then().statusCode(200)
                .body(containsString("turnout"));

        as(staff).post(base + "/close").then().statusCode(200)
                .body("turnout.registeredHouseholds", equalTo(7)).body("turnout.frozen", equalTo(true));
        Finance.householdMovedOut(community, "H0007");
        given().get(publicRound).then().body("turnout.registeredHouseholds", equalTo(7)).body("turnout.percent", equalTo(28.6f));
    }

    /** Another member of the community's staff, with a user name of their own. */
    static String clerk(String community, String name) {
        return TestTokens.user(name).roles("community-staff").communities(community).sign();
    }
}

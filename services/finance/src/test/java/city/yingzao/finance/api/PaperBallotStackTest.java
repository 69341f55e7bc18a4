package city.yingzao.finance.api;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static city.yingzao.finance.api.Finance.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Stacks of paper ballots entered after a paper count (F7): the same intake and rules as one paper
 * ballot, one answer per line, so a household that already voted does not sink the stack.
 */
@QuarkusTest
class PaperBallotStackTest {

    @Test
    @DisplayName("F7 passing: in a stack of paper ballots, a household that already voted online is refused with the reason, the others are recorded, each household counted once")
    void alreadyVotedLineRefused() {
        OpenRound open = OpenRound.withHouseholds(4);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        VoteApiTest.online(community, "H0002", round, List.of(project)).then().statusCode(201);

        stack(staff, community, round, List.of(line("H0001", project), line("H0002", project), line("H0003", project),
                line("H0003", project), line("H0099", project)))
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("refused", equalTo(3))
                .body("ballots[0].accepted", equalTo(true)).body("ballots[0].householdCode", equalTo("H0001"))
                .body("ballots[1].accepted", equalTo(false))
                .body("ballots[1].problem.type", equalTo("urn:yingzao:problem:rule:F7"))
                .body("ballots[1].problem.status", equalTo(409))
                .body("ballots[1].problem.detail", equalTo("F7: household H0002 already voted (online) in this round"))
                .body("ballots[2].accepted", equalTo(true))
                .body("ballots[3].problem.detail", equalTo("F7: household H0003 already voted (paper) in this round"))
                .body("ballots[4].problem.detail", equalTo("F7: household H0099 is not an active registered household of community "
                        + community));

        io.restassured.RestAssured.get("/api/public/communities/" + community + "/vote-rounds/" + round).then().statusCode(200)
                .body("ballots", equalTo(3)).body("onlineBallots", equalTo(1)).body("paperBallots", equalTo(2))
                .body("tally[0].approvals", equalTo(3));
    }

    @Test
    @DisplayName("F7 scope: staff of another community may not enter a stack of paper ballots (403 out-of-scope, nothing recorded)")
    void otherCommunityStaffRefused() {
        OpenRound open = OpenRound.withHouseholds(2);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();

        stack(Finance.staff("ELSEWHERE"), community, round, List.of(line("H0001", project), line("H0002", project)))
                .then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        assertThat(ballots(round)).isZero();
    }

    @Test
    @DisplayName("F7 limit: a stack above yingzao.finance.votes.batch-max (1,000) is refused whole with 400 and nothing is recorded")
    void overTheLimitRefusedWhole() {
        OpenRound open = OpenRound.withHouseholds(2);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 1; i <= 1001; i++) {
            lines.add(line(Finance.household(i), project));
        }

        stack(staff, community, round, lines).then().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:validation"))
                .body("detail", equalTo("ballots: at most 1000 ballots per request; this one has 1001"));
        assertThat(ballots(round)).isZero();
    }

    @Test
    @DisplayName("F7 shape: a stack with a line naming no household is refused whole with 400 and nothing is recorded")
    void malformedLineRefusedWhole() {
        OpenRound open = OpenRound.withHouseholds(2);
        String community = open.community(), staff = open.staff(), project = open.project(), round = open.round();

        stack(staff, community, round, List.of(line("H0001", project), Map.of("approvals", List.of(project))))
                .then().statusCode(400);
        as(staff).body("{\"sheet\": \"STACK-01\", \"ballots\": [{\"householdCode\": \"H0002\", \"approvals\": \"all\"}]}")
                .post(path(community, round)).then().statusCode(400);
        assertThat(ballots(round)).isZero();
    }

    /** A community with its first households registered, its staff, one project and a vote round open on it. */
    record OpenRound(String community, String staff, String project, String round) {

        static OpenRound withHouseholds(int households) {
            String community = Finance.unique("S");
            Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
            Finance.households(community, households);
            String staff = Finance.staff(community);
            String project = ProjectLifecycleTest.createProject(community, staff, 10_000);
            return new OpenRound(community, staff, project, VoteApiTest.open(staff, community, project));
        }
    }

    static Response stack(String token, String community, String round, List<Map<String, Object>> lines) {
        return as(token).body(Map.of("sheet", "STACK-01", "ballots", lines)).post(path(community, round));
    }

    static Map<String, Object> line(String household, String... approvals) {
        return Map.of("householdCode", household, "approvals", List.of(approvals));
    }

    private static String path(String community, String round) {
        return "/api/communities/" + community + "/vote-rounds/" + round + "/paper-ballots/batch";
    }

    private static long ballots(String round) {
        return TestPostgres.count("select count(*) from ballot where round_id = ?::uuid", round);
    }
}

package city.yingzao.finance.api;

import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static city.yingzao.finance.api.Finance.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** One household, one vote (F7) through the group-committing intake, with concurrent online and paper ballots. */
@QuarkusTest
class VoteApiTest {

    @Test
    @DisplayName("F7 passing: the first ballot of a household counts; the second, online or paper, is refused naming the first channel")
    void firstRecordedWins() {
        String community = Finance.unique("V");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        Finance.households(community, 4);
        Finance.householdMovedOut(community, "H0004");
        String staff = Finance.staff(community);
        String project = ProjectLifecycleTest.createProject(community, staff, 10_000);
        String round = open(staff, community, project);

        online(community, "H0001", round, List.of(project)).then().statusCode(201).body("channel", equalTo("ONLINE"));
        paper(staff, community, "H0001", round, List.of()).then().statusCode(409)
                .body("type", equalTo("urn:yingzao:problem:rule:F7"))
                .body("detail", equalTo("F7: household H0001 already voted (online) in this round"));
        paper(staff, community, "H0002", round, List.of(project)).then().statusCode(201);
        online(community, "H0002", round, List.of(project)).then().statusCode(409)
                .body("detail", equalTo("F7: household H0002 already voted (paper) in this round"));
        paper(staff, community, "H0004", round, List.of(project)).then().statusCode(422)
                .body("detail", equalTo("F7: household H0004 is not an active registered household of community " + community));
        paper(staff, community, "H0099", round, List.of(project)).then().statusCode(422);
        online(community, "H0003", round, List.of("00000000-0000-0000-0000-000000000001")).then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("is not a candidate"));
        online(community, "H0003", round, List.of(project, project)).then().statusCode(422);
        // a resident of another community, or a resident voting in a round of another community
        as(Finance.resident("ELSEWHERE", "H0003")).body(Map.of("approvals", List.of(project)))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/ballots").then().statusCode(403);

        io.restassured.RestAssured.get("/api/public/communities/" + community + "/vote-rounds/" + round).then().statusCode(200)
                .body("ballots", equalTo(2)).body("onlineBallots", equalTo(1)).body("paperBallots", equalTo(1))
                .body("tally[0].approvals", equalTo(2));
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(200);
        online(community, "H0003", round, List.of(project)).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("closed"));
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(409);
    }

    @Test
    @DisplayName("F7 passing: 200 households voting online and on paper at the same time are each counted exactly once")
    void concurrentBallots() throws Exception {
        String community = Finance.unique("V");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        int households = 200;
        Finance.households(community, households);
        String staff = Finance.staff(community);
        String a = ProjectLifecycleTest.createProject(community, staff, 10_000);
        String b = ProjectLifecycleTest.createProject(community, staff, 10_000);
        String round = open(staff, community, a, b);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= households; i++) {
            String household = Finance.household(i);
            List<String> approvals = i % 2 == 0 ? List.of(a) : List.of(a, b);
            calls.add(() -> online(community, household, round, approvals).statusCode());
            calls.add(() -> paper(staff, community, household, round, approvals).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(households);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(households);
        assertThat(TestPostgres.count("select count(*) from ballot where round_id = ?::uuid", round)).isEqualTo(households);
        io.restassured.RestAssured.get("/api/public/communities/" + community + "/vote-rounds/" + round).then()
                .body("ballots", equalTo(households)).body("tally[0].approvals", equalTo(households))
                .body("tally[1].approvals", equalTo(households / 2));
    }

    static String open(String staff, String community, String... projects) {
        return as(staff).body(Map.of("title", "征集", "projectIds", List.of(projects)))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(201).extract().path("id");
    }

    static Response online(String community, String household, String round, List<String> approvals) {
        return as(Finance.resident(community, household)).body(Map.of("approvals", approvals))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/ballots");
    }

    static Response paper(String staff, String community, String household, String round, List<String> approvals) {
        return as(staff).body(Map.of("householdCode", household, "sheet", "S-2027-" + household, "approvals", approvals))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/paper-ballots");
    }

    @Test
    @DisplayName("F7 a round with a deadline takes ballots until it, then refuses them and closes itself at the deadline")
    void deadlineClosesTheRound() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        Finance.households(community, 3);
        String staff = Finance.staff(community);
        String project = ProjectLifecycleTest.createProject(community, staff, 100_000);
        as(staff).body(Map.of("title", "过期", "projectIds", java.util.List.of(project), "closesAt", "2020-01-01T00:00:00Z"))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(400);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String round = as(staff).body(Map.of("title", "限时征集", "projectIds", java.util.List.of(project), "closesAt", deadline.toString()))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(201)
                .body("closesAt", org.hamcrest.Matchers.notNullValue()).extract().path("id");
        ProjectLifecycleTest.vote(Finance.resident(community, "H0001"), community, round, java.util.List.of(project))
                .then().statusCode(201);

        Finance.await(() -> "CLOSED".equals(given().get("/api/public/communities/" + community + "/vote-rounds/" + round)
                .path("status")), "the round closes itself at its deadline");
        ProjectLifecycleTest.vote(Finance.resident(community, "H0002"), community, round, java.util.List.of(project))
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("deadline"));
        given().get("/api/public/communities/" + community + "/vote-rounds/" + round).then()
                .body("ballots", org.hamcrest.Matchers.equalTo(1))
                .body("closedAt", org.hamcrest.Matchers.equalTo(deadline.toString()));
    }
}

package city.yingzao.finance.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static city.yingzao.finance.api.Finance.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** F7 for district operators: turnout per community of their district, against the households registered at each close. */
@QuarkusTest
class DistrictTurnoutTest {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    @DisplayName("F7 a district's turnout: per community the closed rounds' ballots over the households registered when each closed, and the totals")
    void turnoutPerCommunity() {
        String district = Finance.unique("D");
        String voted = Finance.unique("TV");
        String quiet = Finance.unique("TQ");
        Finance.community(voted, "URBAN", district, "MAIN_URBAN", 1000);
        Finance.community(quiet, "URBAN", district, "MAIN_URBAN", 800);
        Finance.households(voted, 4);
        String staff = Finance.staff(voted);
        String project = ProjectLifecycleTest.createProject(voted, staff, 10_000);
        String round = VoteApiTest.open(staff, voted, project);
        VoteApiTest.online(voted, "H0001", round, List.of(project)).then().statusCode(201);
        VoteApiTest.paper(staff, voted, "H0002", round, List.of()).then().statusCode(201);
        VoteApiTest.online(voted, "H0003", round, List.of(project)).then().statusCode(201);
        as(staff).post("/api/communities/" + voted + "/vote-rounds/" + round + "/close").then().statusCode(200);
        // a round still open counts for nothing yet
        VoteApiTest.open(staff, voted, project);

        as(Finance.districtOperator(district)).get("/api/districts/" + district + "/vote-turnout?year=" + YEAR).then().statusCode(200)
                .body("communities", equalTo(2)).body("closedRounds", equalTo(1)).body("ballots", equalTo(3))
                .body("registeredHouseholds", equalTo(4)).body("percent", equalTo(75.0f))
                .body("items.find { it.communityCode == '" + voted + "' }.percent", equalTo(75.0f))
                .body("items.find { it.communityCode == '" + quiet + "' }.closedRounds", equalTo(0))
                .body("items.find { it.communityCode == '" + quiet + "' }.percent", nullValue());
    }

    @Test
    @DisplayName("F7 a district operator reads only their district's turnout; a bad year is a 400 problem")
    void scopeAndInput() {
        String district = Finance.unique("D");
        as(Finance.districtOperator(Finance.unique("D"))).get("/api/districts/" + district + "/vote-turnout").then().statusCode(403);
        as(Finance.cityOperator()).get("/api/districts/" + district + "/vote-turnout?year=abc").then().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:validation"));
        as(Finance.cityOperator()).get("/api/districts/" + district + "/vote-turnout?size=0").then().statusCode(400);
    }
}

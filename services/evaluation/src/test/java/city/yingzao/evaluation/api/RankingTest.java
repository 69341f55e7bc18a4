package city.yingzao.evaluation.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static city.yingzao.evaluation.api.Eval.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RankingTest {

    @Test
    @DisplayName("E6 ranking across a call: best first with per-domain breakdowns; flags shown; projects without sheets left out")
    void ranking() {
        String call = Eval.unique("CALL");
        Flow good = new Flow(call).started().assigned(2).scored(4, 3);   // 100 and 75: flagged (25 apart)
        Flow fair = new Flow(call).started().assigned(2).scored(3, 3);   // 75 and 75
        new Flow(call).started().assigned(1);                            // nothing submitted
        as(Eval.supervisor("sup-rank")).get("/api/calls/" + call + "/ranking?kind=MID_TERM").then().statusCode(200)
                .body("evaluations", equalTo(3)).body("rows", hasSize(2))
                .body("rows[0].projectId", equalTo(good.project.projectId())).body("rows[0].overall", equalTo(87.52f)) // 13.125 rounds to 13.13 in D1, D4, D5, D6: the overall is the sum of the published domain scores
                .body("rows[0].flagged", equalTo(true)).body("rows[0].domainScores[1].domain", equalTo("D2"))
                .body("rows[0].domainScores[1].score", equalTo(17.5f))
                .body("rows[1].projectId", equalTo(fair.project.projectId())).body("rows[1].overall", equalTo(75.0f))
                .body("rows[1].grade", equalTo("GOOD")).body("rows[1].flagged", equalTo(false)).body("rows[1].rank", equalTo(2));
        as(Eval.agency(good.org)).get("/api/calls/" + call + "/ranking").then().statusCode(403);
        as(Eval.operator()).get("/api/calls/" + call + "/ranking?kind=FINAL").then().statusCode(200).body("rows", hasSize(0));
    }
}

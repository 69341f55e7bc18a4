package city.yingzao.evaluation.api;

import city.yingzao.contracts.EventType;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.evaluation.api.Eval.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AppealAndOfflineTest {

    @Test
    @DisplayName("E5 a result nobody appealed becomes final when its window closes: EvaluationCompleted once, even with the job running again")
    void windowCloses() {
        Flow f = new Flow().started().assigned(2).scored(3, 3).released();
        assertThat(EvaluationFlowTest.outbox(f.mid, EventType.EVALUATION_COMPLETED)).isZero();
        as(Eval.agency(f.org)).body(Map.of("text", "感谢评估组，我们会加强财务公开。")).post("/api/evaluations/" + f.mid + "/response")
                .then().statusCode(200).body("responses", hasSize(1));
        // the window is seven Shanghai days; move its end into the past as time would
        TestPostgres.queryValue("update evaluation set appeal_closes_at = now() - interval '1 second' where id = ?::uuid returning id", f.mid);
        Eval.await(() -> "FINAL".equals(TestPostgres.queryValue("select status from evaluation where id = ?::uuid", f.mid)),
                "the window job finalised " + f.mid);
        sleep(2500); // the job runs every second: two more runs change nothing
        assertThat(EvaluationFlowTest.outbox(f.mid, EventType.EVALUATION_COMPLETED)).isEqualTo(1);
        as(Eval.agency(f.org)).body(Map.of("reason", "too late")).post("/api/evaluations/" + f.mid + "/appeal").then().statusCode(409);
    }

    @Test
    @DisplayName("E5 an appeal upheld: the evaluators re-score (audited as APPEAL), the new release is final and EvaluationCompleted carries the new score")
    void upheld() {
        Flow f = new Flow().started().assigned(2).scored(2, 2).released();
        as(Eval.agency(f.org)).body(Map.of("reason", "未考虑居民自组织的档案")).post("/api/evaluations/" + f.mid + "/appeal")
                .then().statusCode(200);
        as(Eval.evaluator(f.evaluators.get(0))).body(Map.of("changes", List.of(Map.of("indicatorId", "3.4", "level", 4)), "reason", "x"))
                .post("/api/evaluations/" + f.mid + "/sheets/" + f.evaluators.get(0) + "/revisions").then().statusCode(409);
        as(Eval.agency(f.org)).body(Map.of("upheld", true, "reason", "x")).post("/api/evaluations/" + f.mid + "/appeal/decision")
                .then().statusCode(403);
        as(Eval.operator()).body(Map.of("upheld", true, "reason", "档案确实存在，需复评")).post("/api/evaluations/" + f.mid + "/appeal/decision")
                .then().statusCode(200).body("status", equalTo("RESCORING"));
        assertThat(EvaluationFlowTest.outbox(f.mid, EventType.EVALUATION_COMPLETED)).isZero();
        for (String e : f.evaluators) {
            as(Eval.evaluator(e)).body(Map.of("changes", List.of(Map.of("indicatorId", "3.4", "level", 4), Map.of("indicatorId", "3.3", "level", 4)),
                    "reason", "复评：档案齐全")).post("/api/evaluations/" + f.mid + "/sheets/" + e + "/revisions").then().statusCode(200)
                    .body("revisions.cause", org.hamcrest.Matchers.everyItem(equalTo("APPEAL")));
        }
        // all 2s = 50.00; D3 with 3.3 and 3.4 at 4: (7 x 2 + 8) / 36 x 20 = 12.22 instead of 10.00 → 52.22
        as(Eval.supervisor("sup-flow")).post("/api/evaluations/" + f.mid + "/release").then().statusCode(200)
                .body("status", equalTo("FINAL")).body("aggregate.overall", equalTo(52.22f)).body("aggregate.grade", equalTo("FAIL"));
        assertThat(EvaluationFlowTest.outbox(f.mid, EventType.EVALUATION_COMPLETED)).isEqualTo(1);
        assertThat(TestPostgres.queryValue("select payload->>'overall' from outbox_message where ce_type = ? and payload->>'evaluationId' = ?",
                EventType.EVALUATION_COMPLETED.ceType(), f.mid)).isEqualTo("52.22");
        assertThat(TestPostgres.count("select count(*) from sheet_revision r join sheet s on s.id = r.sheet_id"
                + " where s.evaluation_id = ?::uuid and r.cause = 'APPEAL'", f.mid)).isEqualTo(4);
    }

    @Test
    @DisplayName("E5 an offline batch after the evaluator was removed, or after the evaluation was cancelled, is refused with 409 naming what changed")
    void changedOnTheServer() {
        Flow f = new Flow().started().assigned(3);
        String removed = f.evaluators.get(0);
        as(Eval.evaluator(removed)).get("/api/evaluations/" + f.mid + "/sheets/" + removed + "/offline").then().statusCode(200);
        as(Eval.operator()).body(Map.of("reason", "生病，改派")).post("/api/evaluations/" + f.mid + "/assignments/" + removed + "/remove")
                .then().statusCode(200);
        as(Eval.evaluator(removed)).body(batch(0)).post("/api/evaluations/" + f.mid + "/sheets/" + removed + "/submit").then()
                .statusCode(409).body("detail", containsString("was removed from evaluation")).body("detail", containsString("生病，改派"));
        as(Eval.operator()).get("/api/evaluations/" + f.mid + "/assignments/changes").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("REMOVED"));

        // a draft saved online moves the revision: an offline batch from revision 0 is told which levels differ
        String other = f.evaluators.get(1);
        Map<String, Object> draft = new HashMap<>(Eval.sheet(2, Map.of()));
        as(Eval.evaluator(other)).body(draft).put("/api/evaluations/" + f.mid + "/sheets/" + other).then().statusCode(200)
                .body("revision", equalTo(1));
        Map<String, Object> stale = batch(0);
        as(Eval.evaluator(other)).body(stale).post("/api/evaluations/" + f.mid + "/sheets/" + other + "/submit").then().statusCode(409)
                .body("detail", containsString("changed on the server since revision 0")).body("detail", containsString("levels of 1.1"));

        as(Eval.operator()).body(Map.of("reason", "项目终止")).post("/api/evaluations/" + f.mid + "/cancel").then().statusCode(200);
        String third = f.evaluators.get(2);
        as(Eval.evaluator(third)).body(batch(0)).post("/api/evaluations/" + f.mid + "/sheets/" + third + "/submit").then().statusCode(409)
                .body("detail", containsString("was cancelled (项目终止)"));
        assertThat(TestPostgres.count("select count(*) from sheet where evaluation_id = ?::uuid and status = 'SUBMITTED'", f.mid)).isZero();
    }

    @Test
    @DisplayName("E3 automatic assignment fills up to the setting with the least-loaded eligible evaluators, skipping conflicts")
    void autoAssign() {
        Flow busy = new Flow().started().assigned(1);
        Flow f = new Flow().started();
        // candidates: the busy one (1 open assignment) and three fresh ones; one fresh one belongs to the organisation
        String own = Eval.unique("eva-own-").toLowerCase();
        Eval.certify(own, f.org, java.time.Instant.now().plus(java.time.Duration.ofDays(800)));
        List<String> fresh = List.of(Eval.unique("eva-").toLowerCase(), Eval.unique("eva-").toLowerCase());
        fresh.forEach(Eval::certify);
        List<String> assigned = as(Eval.operator()).post("/api/evaluations/" + f.mid + "/assignments/auto").then().log().ifValidationFails().statusCode(200)
                .body("evaluators", hasSize(3)).extract().path("evaluators");
        assertThat(assigned).doesNotContain(own).doesNotContain(busy.evaluators.get(0));
        for (String e : assigned) {
            assertThat(TestPostgres.count("select count(*) from assignment a join evaluation v on v.id = a.evaluation_id"
                    + " where a.evaluator_id = ? and a.active and v.id <> ?::uuid and v.status = 'OPEN'", e, f.mid)).isZero();
        }
        assertThat(TestPostgres.count("select count(*) from assignment_change where evaluation_id = ?::uuid and reason = 'automatic, by workload'",
                f.mid)).isEqualTo(3);
    }

    static Map<String, Object> batch(long base) {
        Map<String, Object> b = new HashMap<>(Eval.sheet(3, Map.of()));
        b.put("clientId", UUID.randomUUID().toString());
        b.put("baseRevision", base);
        b.put("clientSubmittedAt", java.time.Instant.now().toString());
        return b;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

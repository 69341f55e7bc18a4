package city.yingzao.systemtests;

import io.restassured.response.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The evaluation service's API (services/evaluation/README.md) as the chain test uses it. */
final class EvaluationApi extends ServiceApi {

    static final String OPERATOR = "city-operator";
    /** Indicators per domain D1..D6 of the provisional framework provisional-2016-v1 (53 in all, E1). */
    static final int[] COUNTS = {9, 9, 9, 9, 8, 9};

    EvaluationApi(SystemUnderTest sut) {
        super(sut, sut.serviceUrl("evaluation"));
    }

    Response evaluations(String organisation) {
        return as(OPERATOR).get("/api/evaluations?organisation=" + organisation);
    }

    Response assign(String evaluation, String evaluator, String reason) {
        return as(OPERATOR).body(Map.of("evaluatorId", evaluator, "reason", reason)).post("/api/evaluations/" + evaluation + "/assignments");
    }

    /** E5: a whole sheet: every indicator at {@code level}, those in {@code low} at {@code lowLevel}, evidence, notes, Q&A, feedback. */
    Response submit(String evaluator, String evaluation, int level, Set<String> low, int lowLevel, String feedback) {
        List<Map<String, Object>> levels = new ArrayList<>();
        String recordedAt = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        for (int d = 1; d <= COUNTS.length; d++) {
            for (int i = 1; i <= COUNTS[d - 1]; i++) {
                String indicator = d + "." + i;
                levels.add(Map.of("indicatorId", indicator, "level", low.contains(indicator) ? lowLevel : level,
                        "evidence", List.of("photo/" + indicator + ".jpg"), "notes", "现场查看档案并访谈居民骨干", "recordedAt", recordedAt));
            }
        }
        return as(evaluator).body(Map.of("levels", levels, "feedback", feedback,
                        "qa", List.of(Map.of("question", "居民如何参与项目决策？", "answer", "每月院落议事会，按议事规则表决",
                                "askedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString()))))
                .post("/api/evaluations/" + evaluation + "/sheets/" + evaluator + "/submit");
    }

    Response results(String user, String evaluation) {
        return as(user).get("/api/evaluations/" + evaluation + "/results");
    }

    Response moderate(String user, String evaluation, String note) {
        return as(user).body(Map.of("note", note)).post("/api/evaluations/" + evaluation + "/moderation");
    }

    Response release(String user, String evaluation) {
        return as(user).post("/api/evaluations/" + evaluation + "/release");
    }

    Response appeal(String agency, String evaluation, String reason) {
        return as(agency).body(Map.of("reason", reason)).post("/api/evaluations/" + evaluation + "/appeal");
    }

    Response decideAppeal(String evaluation, boolean upheld, String reason) {
        return as(OPERATOR).body(Map.of("upheld", upheld, "reason", reason)).post("/api/evaluations/" + evaluation + "/appeal/decision");
    }

    Response publicGrades(String project) {
        return as(null).get("/api/public/projects/" + project + "/grades");
    }
}

package city.yingzao.evaluation.api;

import city.yingzao.contracts.grants.ProjectStartedV1;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static city.yingzao.evaluation.api.Eval.as;

/** Shortcuts for tests that need an evaluation at some stage: started, assigned, scored, released. */
final class Flow {

    final String org = Eval.unique("ORG");
    final String community = Eval.unique("C");
    final String call;
    final List<String> evaluators = new ArrayList<>();
    ProjectStartedV1 project;
    String mid;
    String fin;

    Flow(String call) {
        this.call = call;
    }

    Flow() {
        this(Eval.unique("CALL"));
    }

    Flow started() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        project = Eval.projectStarted(org, community, call, List.of(), List.of(), today.minusDays(1), today.plusDays(364));
        mid = Eval.evaluationOf(project.projectId(), "MID_TERM");
        fin = Eval.evaluationOf(project.projectId(), "FINAL");
        return this;
    }

    /** Certified evaluators assigned to the mid-term evaluation. */
    Flow assigned(int n) {
        for (int i = 0; i < n; i++) {
            String e = Eval.unique("eva-").toLowerCase();
            Eval.certify(e);
            as(Eval.operator()).body(Map.of("evaluatorId", e)).post("/api/evaluations/" + mid + "/assignments").then().statusCode(200);
            evaluators.add(e);
        }
        return this;
    }

    /** Each evaluator submits every indicator at the given level. */
    Flow scored(int... levels) {
        for (int i = 0; i < levels.length; i++) {
            as(Eval.evaluator(evaluators.get(i))).body(Eval.sheet(levels[i], Map.of()))
                    .post("/api/evaluations/" + mid + "/sheets/" + evaluators.get(i) + "/submit").then().statusCode(201);
        }
        return this;
    }

    Flow released() {
        as(Eval.supervisor("sup-flow")).post("/api/evaluations/" + mid + "/release").then().statusCode(200);
        return this;
    }
}

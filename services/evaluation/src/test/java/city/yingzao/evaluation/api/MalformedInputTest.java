package city.yingzao.evaluation.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static city.yingzao.evaluation.api.Eval.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a problem (400/403/404/409/422), never a 500, and changes nothing. */
@QuarkusTest
@DisplayName("Bad input to evaluation gets a 4xx problem, never a 500, and changes nothing")
class MalformedInputTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("E5 levels outside 0-4, an unknown indicator, a level given twice, a sheet missing indicators → problems, nothing saved")
    void badSheets() {
        Flow f = new Flow().started().assigned(2);
        String e = f.evaluators.get(0);
        String path = "/api/evaluations/" + f.mid + "/sheets/" + e + "/submit";
        long before = rows(f.mid);
        as(Eval.evaluator(e)).body(Eval.sheet(5, Map.of())).post(path).then().statusCode(400)
                .body("type", equalTo("urn:yingzao:problem:validation")).body("errors[0].field", containsString("level"));
        as(Eval.evaluator(e)).body(Eval.sheet(-1, Map.of())).post(path).then().statusCode(400);
        Map<String, Object> unknown = new HashMap<>(Eval.sheet(3, Map.of()));
        List<Map<String, Object>> levels = new java.util.ArrayList<>(Eval.levels(3, Map.of()));
        levels.add(Map.of("indicatorId", "7.1", "level", 2));
        unknown.put("levels", levels);
        as(Eval.evaluator(e)).body(unknown).post(path).then().statusCode(400)
                .body("errors.message", hasItem("indicator 7.1 is not in framework provisional-2016-v1"));
        levels.set(levels.size() - 1, Map.of("indicatorId", "1.1", "level", 2));
        as(Eval.evaluator(e)).body(unknown).post(path).then().statusCode(400)
                .body("errors.message", hasItem("indicator 1.1 is scored twice"));
        Map<String, Object> partial = new HashMap<>(Eval.sheet(3, Map.of()));
        partial.put("levels", Eval.levels(3, Map.of()).subList(0, 50));
        as(Eval.evaluator(e)).body(partial).post(path).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:E5")).body("detail", containsString("6.7, 6.8, 6.9"));
        Map<String, Object> noFeedback = new HashMap<>(Eval.sheet(3, Map.of()));
        noFeedback.remove("feedback");
        as(Eval.evaluator(e)).body(noFeedback).post(path).then().statusCode(422).body("detail", containsString("feedback"));
        as(Eval.evaluator(e)).body("{ not json").post(path).then().statusCode(400);
        assertThat(rows(f.mid)).isEqualTo(before);
    }

    @Test
    @DisplayName("E5 a sheet for another evaluator is refused (403 out-of-scope), also by an evaluator assigned to the same evaluation; nothing saved")
    void anotherEvaluatorsSheet() {
        Flow f = new Flow().started().assigned(2);
        String mine = f.evaluators.get(0);
        String theirs = f.evaluators.get(1);
        long before = rows(f.mid);
        as(Eval.evaluator(mine)).body(Eval.sheet(3, Map.of())).post("/api/evaluations/" + f.mid + "/sheets/" + theirs + "/submit")
                .then().statusCode(403).body("type", equalTo("urn:yingzao:problem:out-of-scope"));
        as(Eval.evaluator("eva-stranger")).body(Eval.sheet(3, Map.of())).post("/api/evaluations/" + f.mid + "/sheets/eva-stranger/submit")
                .then().statusCode(403).body("detail", containsString("not assigned"));
        as(Eval.evaluator(mine)).body(Eval.sheet(3, Map.of())).post("/api/evaluations/00000000-0000-0000-0000-000000000000/sheets/" + mine + "/submit")
                .then().statusCode(404);
        as(Eval.evaluator(mine)).get("/api/evaluations/not-an-id/sheets/" + mine).then().statusCode(404);
        assertThat(rows(f.mid)).isEqualTo(before);
    }

    @Test
    @DisplayName("every endpoint answers the probe's malformed input (NUL, too long, repeated keys, wrong types, missing fields, overflowing numbers, huge and deep bodies, wrong content types) with a 4xx problem, as every role and anonymously; no table changes")
    void everyEndpoint() {
        Flow f = new Flow().started().assigned(1);
        long before = rows(f.mid);
        long frameworks = TestPostgres.count("select count(*) from framework");
        MalformedInputProbe probe = MalformedInputProbe.against(root).pathValue("id", f.mid).pathValue("evaluator", f.evaluators.get(0))
                .pathValue("version", "provisional-2016-v1").pathValue("call", f.call).pathValue("project", f.project.projectId());
        for (String role : Roles.ALL) {
            probe.caller(role, TestTokens.user(role.equals(Roles.EVALUATOR) ? f.evaluators.get(0) : "probe-" + role).roles(role)
                    .communities(f.community).org(f.org).sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[evaluation] malformed input: " + result.summary());
        assertThat(result.operations()).isGreaterThan(25);
        assertThat(result.variants()).containsKeys("path %00", "query %00", "json \\u0000", "json repeated key", "json too long",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(rows(f.mid)).isEqualTo(before);
        assertThat(TestPostgres.count("select count(*) from framework")).isEqualTo(frameworks);
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it")
    void fieldLengths() {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("FrameworkDocument.version", "framework.version")
                .stores("FrameworkDocument.title", "framework.title")
                .notStored("DomainDocument.id", "inside the framework's jsonb body; the contract's domain is at most 16")
                .notStored("DomainDocument.nameZh", "inside the framework's jsonb body")
                .notStored("DomainDocument.nameEn", "inside the framework's jsonb body")
                .notStored("IndicatorDocument.id", "inside the framework's jsonb body; sheet_level.indicator_id holds 16")
                .notStored("IndicatorDocument.nameZh", "inside the framework's jsonb body")
                .notStored("IndicatorDocument.nameEn", "inside the framework's jsonb body")
                .stores("EvaluationRequest.projectId", "evaluation.project_id")
                .stores("EvaluationRequest.callId", "evaluation.call_id")
                .stores("EvaluationRequest.organisationCode", "evaluation.organisation_code")
                .stores("EvaluationRequest.communityCode", "evaluation.community_code")
                .stores("EvaluationRequest.title", "evaluation.title")
                .notStored("EvaluationRequest.kind", "the name of an EvaluationKind")
                .stores("EvaluationRequest.frameworkVersion", "evaluation.framework_version")
                .stores("CancelRequest.reason", "evaluation.cancelled_reason")
                .stores("AssignRequest.evaluatorId", "assignment.evaluator_id")
                .stores("AssignRequest.reason", "assignment_change.reason")
                .stores("RemoveRequest.reason", "assignment.removed_reason", "assignment_change.reason")
                .stores("LevelRequest.indicatorId", "sheet_level.indicator_id")
                .stores("LevelRequest.notes", "sheet_level.notes")
                .stores("QaRequest.question", "sheet_qa.question")
                .stores("QaRequest.answer", "sheet_qa.answer")
                .stores("SheetRequest.feedback", "sheet.feedback")
                .stores("RevisionChange.indicatorId", "sheet_revision.indicator_id")
                .stores("RevisionRequest.reason", "sheet_revision.reason")
                .stores("NoteRequest.note", "moderation_note.note")
                .stores("ResponseRequest.text", "org_response.text")
                .stores("AppealRequest.reason", "appeal.reason")
                .stores("DecisionRequest.reason", "appeal.decision_reason")
                .check();
        assertThat(checked).isGreaterThan(20);
    }

    private long rows(String evaluation) {
        return TestPostgres.count("select count(*) from sheet where evaluation_id = ?::uuid", evaluation)
                + TestPostgres.count("select count(*) from sheet_level l join sheet s on s.id = l.sheet_id where s.evaluation_id = ?::uuid", evaluation)
                + TestPostgres.count("select count(*) from moderation_note where evaluation_id = ?::uuid", evaluation)
                + TestPostgres.count("select count(*) from assignment_change where evaluation_id = ?::uuid", evaluation);
    }
}

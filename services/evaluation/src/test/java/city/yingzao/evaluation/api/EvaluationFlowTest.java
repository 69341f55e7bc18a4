package city.yingzao.evaluation.api;

import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.evaluation.api.Eval.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The flow on real PostgreSQL and Kafka: ProjectStarted creates the evaluations; an expired
 * evaluator is refused; three sheets are submitted (one an offline batch retried twice: one sheet);
 * a disagreement is moderated; the result is released; an appeal holds it; once decided
 * EvaluationCompleted goes out matching its schema.
 */
@QuarkusTest
class EvaluationFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("E1-E6 ProjectStarted → evaluations; expired and conflicted evaluators refused; three sheets (offline retried twice = one); moderated; released; appealed and held; decided → EvaluationCompleted per schema")
    void theWholeFlow() throws Exception {
        String org = Eval.unique("ORG");
        String community = Eval.unique("C");
        String call = Eval.unique("CALL");
        String e1 = Eval.unique("eva-a-").toLowerCase();
        String e2 = Eval.unique("eva-b-").toLowerCase();
        String e3 = Eval.unique("eva-c-").toLowerCase();
        String expired = Eval.unique("eva-old-").toLowerCase();
        String shortCert = Eval.unique("eva-short-").toLowerCase();
        String reviewer = Eval.unique("eva-rev-").toLowerCase();
        String supervisorOnTeam = Eval.unique("sup-team-").toLowerCase();
        LocalDate today = LocalDate.now(SHANGHAI);

        ProjectStartedV1 started = Eval.projectStarted(org, community, call, List.of(reviewer), List.of(supervisorOnTeam),
                today.minusDays(2), today.plusDays(363));
        String mid = Eval.evaluationOf(started.projectId(), "MID_TERM");
        String fin = Eval.evaluationOf(started.projectId(), "FINAL");
        as(Eval.operator()).get("/api/evaluations/" + mid).then().statusCode(200)
                .body("kind", equalTo("MID_TERM")).body("status", equalTo("OPEN"))
                .body("frameworkVersion", equalTo("provisional-2016-v1"))
                .body("windowOpensOn", equalTo(today.minusDays(2).plusDays(182).toString()))
                .body("organisationCode", equalTo(org)).body("communityCode", equalTo(community))
                .body("evaluatorsWanted", equalTo(3)).body("appealWindowDays", equalTo(7));
        as(Eval.operator()).get("/api/evaluations/" + fin).then().statusCode(200)
                .body("windowOpensOn", equalTo(today.plusDays(363).toString()));
        // E4: the organisation sees the framework from the project's first day (it started two days ago)
        as(Eval.agency(org)).get("/api/evaluations/" + mid + "/framework").then().statusCode(200)
                .body("domains", hasSize(6)).body("domains[1].indicators[3].nameZh", equalTo("议事规则"));
        as(Eval.agency("ORG-OTHER")).get("/api/evaluations/" + mid + "/framework").then().statusCode(403);

        for (String e : List.of(e1, e2, e3, reviewer, supervisorOnTeam)) {
            Eval.certify(e);
        }
        Eval.certifyExpired(expired);
        Eval.certify(shortCert, "ORG-EVAL", Instant.now().plus(Duration.ofDays(100)));
        Eval.certify(Eval.unique("eva-own-").toLowerCase(), org, Instant.now().plus(Duration.ofDays(800)));

        // E2: expired, or expiring before the window and the appeal end; E3: the application's reviewer, the team
        assign(mid, expired).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:E2"))
                .body("detail", containsString("expired"));
        assign(mid, shortCert).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:E2"))
                .body("detail", containsString("before the work ends on"));
        assign(mid, reviewer).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:E3"))
                .body("detail", containsString("reviewed this project's application"));
        assign(mid, supervisorOnTeam).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:E3"));
        assign(mid, "nobody-certified").then().statusCode(422).body("detail", containsString("holds no PARTICIPATORY_EVALUATOR certificate"));
        for (String e : List.of(e1, e2, e3)) {
            assign(mid, e).then().statusCode(200);
        }
        assign(mid, Eval.unique("x")).then().statusCode(409);
        assertThat(TestPostgres.count("select count(*) from assignment_change where evaluation_id = ?::uuid and action = 'ASSIGNED'", mid))
                .isEqualTo(3);

        // sheet 1, online; sheet 3 disagrees on 2.4 by two levels
        as(Eval.evaluator(e1)).body(Eval.sheet(3, Map.of())).post(sheet(mid, e1) + "/submit").then().statusCode(201)
                .body("status", equalTo("SUBMITTED"));
        // sheet 2: offline, downloaded, filled without a network, the batch sent three times (two retries)
        Response download = as(Eval.evaluator(e2)).get(sheet(mid, e2) + "/offline");
        download.then().statusCode(200).body("framework.domains", hasSize(6)).body("sheet.revision", equalTo(0));
        Map<String, Object> batch = new HashMap<>(Eval.sheet(3, Map.of("6.8", 4, "6.9", 4)));
        UUID clientId = UUID.randomUUID();
        batch.put("clientId", clientId.toString());
        batch.put("baseRevision", 0);
        batch.put("clientStartedAt", Instant.now().minusSeconds(7200).toString());
        batch.put("clientSubmittedAt", Instant.now().minusSeconds(600).toString());
        String first = as(Eval.evaluator(e2)).body(batch).post(sheet(mid, e2) + "/submit").then().statusCode(201)
                .body("clientId", equalTo(clientId.toString())).extract().path("id");
        for (int retry = 0; retry < 2; retry++) {
            as(Eval.evaluator(e2)).body(batch).post(sheet(mid, e2) + "/submit").then().statusCode(200).body("id", equalTo(first));
        }
        assertThat(TestPostgres.count("select count(*) from sheet where evaluation_id = ?::uuid and evaluator_id = ?", mid, e2)).isEqualTo(1);
        // a submitted sheet is locked
        as(Eval.evaluator(e1)).body(Eval.sheet(4, Map.of())).post(sheet(mid, e1) + "/submit").then().statusCode(409)
                .body("detail", containsString("locked"));
        as(Eval.evaluator(e3)).body(Eval.sheet(3, Map.of("2.4", 1))).post(sheet(mid, e3) + "/submit").then().statusCode(201);

        // E6: flagged (2.4 at 3, 3, 1), so release waits for a moderator; the evaluators themselves may not moderate
        as(Eval.operator()).get("/api/evaluations/" + mid + "/results").then().statusCode(200)
                .body("sheetsSubmitted", equalTo(3)).body("indicatorFlags[0].indicatorId", equalTo("2.4"))
                .body("moderationRequired", equalTo(true));
        as(Eval.supervisor("sup-mod")).post("/api/evaluations/" + mid + "/release").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:E6")).body("detail", containsString("moderation note"));
        as(TestTokensFor.evaluatorSupervisor(e1)).body(Map.of("note", "me")).post("/api/evaluations/" + mid + "/moderation")
                .then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:E6"));
        as(Eval.supervisor("sup-mod")).body(Map.of("note", "讨论后同意：2.4 的证据是院落会议记录，评估员C复核后上调。"))
                .post("/api/evaluations/" + mid + "/moderation").then().statusCode(200).body("moderationNotes", hasSize(1));
        as(Eval.evaluator(e3)).body(Map.of("changes", List.of(Map.of("indicatorId", "2.4", "level", 2)), "reason", "看到会议记录后复核"))
                .post(sheet(mid, e3) + "/revisions").then().statusCode(200)
                .body("revisions[0].oldLevel", equalTo(1)).body("revisions[0].newLevel", equalTo(2))
                .body("revisions[0].revisedBy", equalTo(e3)).body("revisions[0].cause", equalTo("MODERATION"));
        // organisation does not see results before release
        as(Eval.agency(org)).get("/api/evaluations/" + mid + "/results").then().statusCode(403);
        as(Eval.supervisor("sup-mod")).post("/api/evaluations/" + mid + "/release").then().statusCode(200)
                .body("status", equalTo("RELEASED")).body("aggregate.grade", equalTo("GOOD"));
        // by hand: D2 (27+27+26) x 20 / 108 = 14.81, D6 (27+29+27) x 15 / 108 = 11.53, the rest 3/4 of their weight: 75.09 GOOD
        as(Eval.agency(org)).get("/api/evaluations/" + mid + "/results").then().statusCode(200)
                .body("aggregate.overall", equalTo(75.09f)).body("sheets", hasSize(3))
                .body("sheets[0].feedback", notNullValue());
        io.restassured.RestAssured.get("/api/public/projects/" + started.projectId() + "/grades").then().statusCode(200)
                .body("[0].grade", equalTo("GOOD")).body("[0].finalResult", equalTo(false));

        // E5: the organisation appeals within the window; the result is held
        as(Eval.agency(org)).body(Map.of("reason", "财务公开的证据未被采纳")).post("/api/evaluations/" + mid + "/appeal").then()
                .statusCode(200).body("status", equalTo("APPEALED"));
        assertThat(outbox(mid, EventType.APPEAL_OPENED)).isEqualTo(1);
        assertThat(outbox(mid, EventType.EVALUATION_COMPLETED)).isZero();
        as(Eval.agency(org)).body(Map.of("reason", "again")).post("/api/evaluations/" + mid + "/appeal").then().statusCode(409);

        // dismissed with a reason: final, EvaluationCompleted goes out once, matching its schema
        as(Eval.operator()).body(Map.of("upheld", false, "reason", "证据已在评估中考虑")).post("/api/evaluations/" + mid + "/appeal/decision")
                .then().statusCode(200).body("status", equalTo("FINAL")).body("appeal.upheld", equalTo(false));
        List<ConsumerRecord<String, String>> records = TestKafka.readUntil(Topics.EVALUATION_RESULTS, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> r.value().contains(mid) && r.value().contains("\"grade\"")));
        List<ConsumerRecord<String, String>> completed = records.stream()
                .filter(r -> r.value().contains(mid) && EventType.EVALUATION_COMPLETED.ceType().equals(TestKafka.header(r, "ce_type"))).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).key()).isEqualTo(community);
        assertThat(EventSchemas.violations(EventType.EVALUATION_COMPLETED, completed.get(0).value())).isEmpty();
        JsonNode event = JSON.readTree(completed.get(0).value());
        assertThat(event.get("kind").asText()).isEqualTo("MID_TERM");
        assertThat(event.get("overall").decimalValue()).isEqualByComparingTo("75.09");
        assertThat(event.get("domainScores")).hasSize(6);
        assertThat(event.get("passed").asBoolean()).isTrue();
        assertThat(event.get("frameworkVersion").asText()).isEqualTo("provisional-2016-v1");
        assertThat(records.stream().filter(r -> r.value().contains(mid)
                && EventType.APPEAL_DECIDED.ceType().equals(TestKafka.header(r, "ce_type")))).hasSize(1);
        // E1: a used version can no longer change
        assertThat(TestPostgres.queryValue("select used_at from framework where version = 'provisional-2016-v1'")).isNotNull();
    }

    static Response assign(String evaluation, String evaluator) {
        return as(Eval.operator()).body(Map.of("evaluatorId", evaluator, "reason", "flow")).post("/api/evaluations/" + evaluation + "/assignments");
    }

    static String sheet(String evaluation, String evaluator) {
        return "/api/evaluations/" + evaluation + "/sheets/" + evaluator;
    }

    static long outbox(String evaluation, EventType type) {
        return TestPostgres.count("select count(*) from outbox_message where ce_type = ? and payload->>'evaluationId' = ?",
                type.ceType(), evaluation);
    }

    /** A person holding both roles: an evaluator of this evaluation who is also a supervisor. */
    static final class TestTokensFor {
        static String evaluatorSupervisor(String name) {
            return city.yingzao.testing.TestTokens.user(name).roles("evaluator", "supervisor").sign();
        }
    }
}

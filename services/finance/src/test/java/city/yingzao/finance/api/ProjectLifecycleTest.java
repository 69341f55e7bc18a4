package city.yingzao.finance.api;

import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.finance.api.Finance.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A fund-use project through all nine steps (F6) on real PostgreSQL and Kafka: the household vote
 * (F7), the council's resolution arriving over Kafka from deliberation (twice: the duplicate changes
 * nothing), the hearing, payments within budget and balance (F1), archiving, then immutability.
 */
@QuarkusTest
class ProjectLifecycleTest {

    static final int YEAR = 2026;

    @Test
    @DisplayName("F6 passing, D10: a project walks the nine steps, each gate opening only when its condition holds (step 4 only on the community council's resolution, steps 7 and 8 only from the supervisory board)")
    void nineSteps() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 2350);
        Finance.households(community, 5);
        String staff = Finance.staff(community);
        as(Finance.cityOperator()).body(Map.of("fundYear", YEAR)).post("/api/allocations/runs").then().statusCode(200);

        String project = createProject(community, staff, 2_000_000);
        String other = createProject(community, staff, 500_000);

        // step 2 needs a closed vote round that included the project
        advance(staff, project, 2, null).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F6"))
                .body("detail", containsString("closed household vote round"));
        String round = as(staff).body(Map.of("title", "2026 项目征集", "projectIds", List.of(project, other)))
                .post("/api/communities/" + community + "/vote-rounds").then().statusCode(201).extract().path("id");
        vote(Finance.resident(community, "H0001"), community, round, List.of(project)).then().statusCode(201);
        vote(Finance.resident(community, "H0002"), community, round, List.of(project, other)).then().statusCode(201);
        as(staff).body(Map.of("householdCode", "H0003", "sheet", "S-2027-003", "approvals", List.of(other)))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/paper-ballots").then().statusCode(201);
        advance(staff, project, 2, null).then().statusCode(422);
        as(staff).post("/api/communities/" + community + "/vote-rounds/" + round + "/close").then().statusCode(200)
                .body("ballots", equalTo(3)).body("onlineBallots", equalTo(2)).body("paperBallots", equalTo(1))
                .body("tally[0].approvals", equalTo(2)).body("tally[1].approvals", equalTo(2));
        advance(staff, project, 2, null).then().statusCode(200).body("step", equalTo(2));

        // step 3 needs the courtyard organisations' discussion note
        advance(staff, project, 3, null).then().statusCode(422).body("detail", containsString("discussion"));
        advance(staff, project, 3, "院落自组织梳理讨论，形成实施方案").then().statusCode(200).body("step", equalTo(3));

        // step 4 waits for the council's resolution from deliberation
        advance(staff, project, 4, null).then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F6"))
                .body("detail", containsString("council resolution"));
        // a resolution on another project, and a rejected motion on this one, open nothing
        Finance.publish(Finance.resolution(community, other));
        Finance.publish(new MotionRejectedV1(Finance.unique("M"), community, "CNC1", "COMMUNITY", "FUND_PROJECT", project,
                "first wording", 10, 12, 3, 25, "D7: 10 yes of 25 members, 13 needed", Instant.now()));
        Finance.await(() -> TestPostgres.count("select count(*) from council_decision where subject_ref = ?", project) == 1,
                "the rejected motion is recorded");
        advance(staff, project, 4, null).then().statusCode(422);
        // D10: a resident-group council's resolution on the project does not open step 4 either
        ResolutionAdoptedV1 groupResolution = Finance.resolution(community, project, "GROUP");
        Finance.publish(groupResolution);
        Finance.await(() -> TestPostgres.count("select count(*) from council_decision where decision_id = ?",
                groupResolution.resolutionId()) == 1, "the group council's resolution is recorded");
        advance(staff, project, 4, null).then().statusCode(422)
                .body("detail", containsString("community council"));

        ResolutionAdoptedV1 resolution = Finance.resolution(community, project);
        assertThat(EventSchemas.violations(EventType.RESOLUTION_ADOPTED, EventJson.write(resolution))).isEmpty();
        UUID eventId = UUID.randomUUID();
        Finance.publish(resolution, eventId);
        Finance.await(() -> TestPostgres.count("select count(*) from council_decision where decision_id = ?",
                resolution.resolutionId()) == 1, "the resolution is consumed");
        advance(staff, project, 4, "议事会决议，公示七天").then().statusCode(200).body("step", equalTo(4))
                .body("councilDecisions.outcome", org.hamcrest.Matchers.hasItems("REJECTED", "ADOPTED"));

        // step 5 needs the hearing
        advance(staff, project, 5, null).then().statusCode(422).body("detail", containsString("hearing"));
        as(staff).body(Map.of("summary", "受影响居民 18 人参加，同意施工时间安排", "attendees", 18))
                .post("/api/projects/" + project + "/hearing").then().statusCode(200);
        advance(staff, project, 5, null).then().statusCode(200).body("step", equalTo(5));

        // step 6: payments only now, within the budget
        pay(staff, project, 100_000).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F6"));
        advance(staff, project, 6, null).then().statusCode(200).body("step", equalTo(6));
        pay(staff, project, 1_500_000).then().statusCode(200).body("paidFen", equalTo(1_500_000));
        pay(staff, project, 600_000).then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:F1"))
                .body("detail", containsString("above its approved budget"));
        pay(staff, project, 500_000).then().statusCode(200).body("paidFen", equalTo(2_000_000));

        // D10: the supervision and review notes are the supervisory board's, never the paying staff's
        String board = Finance.supervisor(community);
        advance(staff, project, 7, "居民监督小组验收，质量合格").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:D10")).body("detail", containsString("supervisory board"));
        advance(Finance.supervisor(Finance.unique("O")), project, 7, "not ours").then().statusCode(403);
        advance(board, project, 7, null).then().statusCode(422).body("detail", containsString("supervision note"));
        advance(board, project, 7, "居民监督小组验收，质量合格").then().statusCode(200);
        advance(staff, project, 8, "评议：满意度 92%").then().statusCode(422);
        advance(board, project, 8, "评议：满意度 92%").then().statusCode(200);
        advance(board, project, 9, "档案归集").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:D10"));
        advance(staff, project, 9, "档案归集").then().statusCode(200).body("step", equalTo(9))
                .body("steps.size()", equalTo(9));

        // archived: every write refused, nothing changes
        advance(staff, project, 9, "again").then().statusCode(409).body("type", equalTo("urn:yingzao:problem:rule:F6"));
        pay(staff, project, 1).then().statusCode(409);
        as(staff).body(Map.of("summary", "late", "attendees", 1)).post("/api/projects/" + project + "/hearing")
                .then().statusCode(409);
        assertThat(TestPostgres.count("select paid_fen from project where id = ?::uuid", project)).isEqualTo(2_000_000);

        // every transition was published on finance.projects, in order, as the contract says
        List<ConsumerRecord<String, String>> events = TestKafka.readUntil(Topics.FINANCE_PROJECTS, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> r.value().contains(project)).count() >= 9);
        List<ConsumerRecord<String, String>> mine = events.stream().filter(r -> r.value().contains(project)).toList();
        assertThat(mine).hasSize(9);
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(community);
            assertThat(EventSchemas.violations(EventType.PROJECT_STEP_CHANGED, r.value())).isEmpty();
        });
        assertThat(mine.stream().map(r -> EventJson.read(r.value(), ProjectStepChangedV1.class).step()).toList())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    @DisplayName("F6 passing: a duplicate delivery of the resolution changes nothing; the same resolution under a new event id neither")
    void duplicateResolution() {
        String community = Finance.unique("C");
        Finance.community(community, "RURAL", "510184", "FAR_SUBURB", 300);
        String project = createProject(community, Finance.staff(community), 100_000);
        ResolutionAdoptedV1 resolution = Finance.resolution(community, project);
        UUID eventId = UUID.randomUUID();
        Finance.publish(resolution, eventId);
        Finance.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId) == 1,
                "first delivery applied");
        Finance.publish(resolution, eventId);
        UUID other = UUID.randomUUID();
        Finance.publish(resolution, other);
        Finance.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = ?", other) == 1,
                "the later deliveries were read");
        assertThat(TestPostgres.count("select count(*) from council_decision where subject_ref = ?", project)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 passing: steps cannot be skipped; the refusal names the next step and nothing changes")
    void noSkipping() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        String staff = Finance.staff(community);
        String project = createProject(community, staff, 100_000);
        advance(staff, project, 5, "skip").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F6"))
                .body("detail", containsString("the next step is 2 HOUSEHOLD_VOTE"));
        advance(staff, project, 1, "again").then().statusCode(422);
        advance(staff, project, 10, "nonsense").then().statusCode(400);
        assertThat(TestPostgres.count("select step from project where id = ?::uuid", project)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from project_step where project_id = ?::uuid", project)).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 after its council motion failed, staff end a project as rejected with a reason: published, public, final")
    void rejectedAfterItsMotionFailed() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        String staff = Finance.staff(community);
        String project = createProject(community, staff, 100_000);
        as(staff).body(Map.of("reason", "议事会否决")).post("/api/projects/" + project + "/rejection").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:F6")).body("detail", containsString("none has"));

        Finance.publish(new MotionRejectedV1(Finance.unique("M"), community, "CNC1", "COMMUNITY", "FUND_PROJECT", project,
                "院落路灯维修", 8, 14, 3, 25, "D7: 8 yes of 25 members, 13 needed", Instant.now()));
        Finance.await(() -> TestPostgres.count("select count(*) from council_decision where subject_ref = ?", project) == 1,
                "the failed motion is recorded");
        as(staff).body(Map.of("reason", "")).post("/api/projects/" + project + "/rejection").then().statusCode(400);
        as(staff).body(Map.of("reason", "议事会表决未通过，项目终止")).post("/api/projects/" + project + "/rejection")
                .then().statusCode(200).body("endedAs", equalTo("REJECTED")).body("step", equalTo(1));

        given().get("/api/public/communities/" + community + "/projects").then().statusCode(200)
                .body("find { it.id == '" + project + "' }.endedReason", equalTo("议事会表决未通过，项目终止"));
        advance(staff, project, 2, null).then().statusCode(409).body("detail", containsString("was rejected"));
        as(staff).body(Map.of("reason", "again")).post("/api/projects/" + project + "/withdrawal").then().statusCode(409);
        assertThat(TestPostgres.count("select count(*) from outbox_message where topic = 'finance.projects' "
                + "and payload->>'projectId' = ? and payload->>'stepName' = 'REJECTED'", project)).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 staff withdraw a project before anything is paid; another community's staff cannot")
    void withdrawn() {
        String community = Finance.unique("C");
        Finance.community(community, "URBAN", "510104", "MAIN_URBAN", 1000);
        String staff = Finance.staff(community);
        String project = createProject(community, staff, 100_000);
        as(Finance.staff(Finance.unique("O"))).body(Map.of("reason", "撤回")).post("/api/projects/" + project + "/withdrawal")
                .then().statusCode(403);
        as(staff).body(Map.of("reason", "居民另有方案，撤回")).post("/api/projects/" + project + "/withdrawal")
                .then().statusCode(200).body("endedAs", equalTo("WITHDRAWN"));
        advance(staff, project, 2, null).then().statusCode(409);
    }

    static String createProject(String community, String staff, long budgetFen) {
        return as(staff).body(Map.of("fundYear", YEAR, "title", "院落路灯维修", "category", "INFRASTRUCTURE_MAINTENANCE",
                        "purpose", "更换院落内损坏路灯 12 盏", "budgetFen", budgetFen, "contributionFen", 50_000, "urgency", "HIGH"))
                .post("/api/communities/" + community + "/projects").then().statusCode(201)
                .body("step", equalTo(1)).extract().path("id");
    }

    static Response advance(String staff, String project, int step, String note) {
        return as(staff).body(note == null ? Map.of("step", step) : Map.of("step", step, "note", note))
                .post("/api/projects/" + project + "/steps");
    }

    static Response pay(String staff, String project, long amount) {
        return as(staff).body(Map.of("amountFen", amount, "memo", "施工款", "payeeName", "成都锦江路灯维修有限公司",
                "voucher", "FP-" + java.util.UUID.randomUUID().toString().substring(0, 13))).post("/api/projects/" + project + "/payments");
    }

    static Response vote(String resident, String community, String round, List<String> approvals) {
        return as(resident).body(Map.of("approvals", approvals))
                .post("/api/communities/" + community + "/vote-rounds/" + round + "/ballots");
    }
}

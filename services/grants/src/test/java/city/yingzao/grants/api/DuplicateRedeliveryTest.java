package city.yingzao.grants.api;

import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static city.yingzao.contracts.EventType.APPEAL_DECIDED;
import static city.yingzao.contracts.EventType.APPEAL_OPENED;
import static city.yingzao.contracts.EventType.EVALUATION_COMPLETED;
import static city.yingzao.grants.api.Grants.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16 item 4: each event type grants consumes from {@code evaluation.results} delivered twice
 * under the same {@code ce_id}, in order and out of order (the appeal arriving after its decision
 * and the final result, as a dead-letter replay delivers it): tranche 2 is held once and released
 * once (one release row, one ledger entry, one TrancheReleased), the evaluation's copy keeps the
 * newest state, and the inbox holds each id once.
 */
@QuarkusTest
@Redelivered({EVALUATION_COMPLETED, APPEAL_OPENED, APPEAL_DECIDED})
@DisplayName("Duplicate and out-of-order redelivery of evaluation results releases a tranche once")
class DuplicateRedeliveryTest {

    static final int YEAR = 2047;
    static final Instant T1 = Instant.parse("2027-05-01T08:00:00Z");
    static final Instant T2 = T1.plusSeconds(3600);
    static final Instant T3 = T1.plusSeconds(7200);

    @Test
    @DisplayName("G4 AppealOpened, AppealDecided and EvaluationCompleted each twice, in order: held once, then released once")
    void inOrderTwice() {
        RunningProject p = RunningProject.start();
        String evaluation = Grants.unique("EV");

        UUID opened = p.twice(new AppealOpenedV1(evaluation, p.id, p.org, p.community, "MID_TERM", T1));
        Grants.await(() -> p.trancheStatus(2).equals("HELD"), "tranche 2 held by the appeal");
        UUID decided = p.twice(new AppealDecidedV1(evaluation, p.id, p.org, p.community, "MID_TERM", true, T2));
        UUID completed = p.twice(passed(evaluation, p, T3));
        p.awaitProcessed(opened, decided, completed);

        p.assertTrancheTwoReleasedOnce();
        assertThat(p.trancheStatus(3)).isEqualTo("PENDING");
        p.assertEvaluationKept(evaluation, T3);
        p.assertInboxOnce(opened, decided, completed);
    }

    @Test
    @DisplayName("G4 AppealOpened twice after its AppealDecided and the final EvaluationCompleted: the release stands, the copy keeps the newest state")
    void appealAfterItsDecision() {
        RunningProject p = RunningProject.start();
        String evaluation = Grants.unique("EV");

        UUID decided = p.twice(new AppealDecidedV1(evaluation, p.id, p.org, p.community, "MID_TERM", true, T2));
        UUID completed = p.twice(passed(evaluation, p, T3));
        Grants.await(() -> p.trancheStatus(2).equals("RELEASED"), "tranche 2 released");
        UUID opened = p.twice(new AppealOpenedV1(evaluation, p.id, p.org, p.community, "MID_TERM", T1));
        p.awaitProcessed(decided, completed, opened);

        p.assertTrancheTwoReleasedOnce();
        p.assertEvaluationKept(evaluation, T3);
        p.assertInboxOnce(decided, completed, opened);
    }

    static EvaluationCompletedV1 passed(String evaluation, RunningProject p, Instant at) {
        return new EvaluationCompletedV1(evaluation, p.id, p.org, p.community, "MID_TERM", "provisional-2016-v1", List.of(),
                new BigDecimal("81.00"), "GOOD", true, at, at);
    }

    /** A grant project with its agreement signed: tranche 1 released, 2 (mid-term) and 3 (final) pending. */
    static final class RunningProject {
        final String community = Grants.unique("C");
        final String org = Grants.unique("ORG");
        String id;

        static RunningProject start() {
            RunningProject p = new RunningProject();
            String district = Grants.unique("D");
            Grants.community(p.community, district, district + "001");
            Grants.organisation(p.org, p.community, "SOCIAL_ORGANISATION", LocalDate.of(2018, 3, 1));
            String op = Grants.cityOperator();
            as(op).body(Map.of("year", YEAR, "title", YEAR + " 公益创投", "budgetFen", 2_000_000_000L, "operatorOrg", "HUB-01"))
                    .post("/api/programmes").then().statusCode(anyOf(equalTo(201), equalTo(409)));
            String call = as(op).body(call(district)).post("/api/programmes/" + YEAR + "/calls").then().statusCode(201)
                    .extract().path("id");
            String application = as(Grants.agency(p.org)).body(Map.of("targetCode", p.community, "pivotCategory", "PUBLIC_SPACE",
                            "title", "院落微更新", "requestedFen", 300_000,
                            "budget", List.of(Map.of("item", "人员", "amountFen", 200_000), Map.of("item", "物料", "amountFen", 100_000)),
                            "team", List.of(Map.of("name", "负责人", "role", "PROJECT_LEAD")), "projectLogic", "发现-组织-公益化"))
                    .post("/api/calls/" + call + "/applications").then().statusCode(201).extract().path("id");
            as(Grants.agency(p.org)).post("/api/applications/" + application + "/submit").then().statusCode(200);
            String reviewer = "dup-rev-" + UUID.randomUUID().toString().substring(0, 8);
            as(TestTokens.user(reviewer).roles("reviewer").sign()).body(Map.of()).post("/api/pools/reviewer/me").then().statusCode(200);
            as(op).post("/api/calls/" + call + "/review").then().statusCode(200);
            as(op).body(Map.of("personId", reviewer, "reason", "redelivery fixture")).post("/api/applications/" + application + "/assignments")
                    .then().statusCode(200);
            as(Grants.reviewer(reviewer)).body(Map.of("scores", Map.of("need", 9, "design", 9, "team", 9, "fit", 9), "comments", Map.of()))
                    .put("/api/applications/" + application + "/reviews/mine").then().statusCode(200);
            as(op).get("/api/calls/" + call + "/ranking").then().statusCode(200);
            as(op).body(Map.of("awarded", List.of(application), "reasons", Map.of()))
                    .post("/api/calls/" + call + "/awards").then().statusCode(200);
            leavePool(reviewer); // the pool is shared by the module's tests: GrantsFlowTest's auto-assignment must not pick this one
            p.id = TestPostgres.queryValue("select id::text from project where application_id = ?::uuid", application).toString();
            as(op).body(Map.of("startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().plusMonths(10).toString()))
                    .post("/api/projects/" + p.id + "/agreement").then().statusCode(200)
                    .body("tranches.status", equalTo(List.of("RELEASED", "PENDING", "PENDING")));
            return p;
        }

        static void leavePool(String person) {
            try (java.sql.Connection c = TestPostgres.connect();
                 java.sql.PreparedStatement s = c.prepareStatement("delete from pool_member where person_id = ?")) {
                s.setString(1, person);
                s.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static Map<String, Object> call(String district) {
            Map<String, Object> c = new HashMap<>();
            c.put("title", "重复投递测试");
            c.put("targetKind", "COMMUNITY");
            c.put("districtsInScope", List.of(district));
            c.put("pivotCategories", List.of());
            c.put("organisationTypes", List.of("SOCIAL_ORGANISATION"));
            c.put("minRegistrationMonths", 12);
            c.put("maxAmountFen", 500_000);
            c.put("allowMultiplePerOrganisation", false);
            c.put("opensOn", LocalDate.now().minusDays(10).toString());
            c.put("closesOn", LocalDate.now().plusDays(30).toString());
            c.put("budgetFen", 1_000_000);
            c.put("rubric", List.of(Map.of("code", "need", "name", "需求", "weight", 30), Map.of("code", "design", "name", "设计", "weight", 30),
                    Map.of("code", "team", "name", "团队", "weight", 20), Map.of("code", "fit", "name", "社区契合", "weight", 20)));
            c.put("scaleMax", 10);
            c.put("reviewsPerApplication", 1);
            c.put("disagreementThreshold", 20);
            return c;
        }

        /** Publishes the event twice under one CloudEvents id, as a redelivery does; returns the id. */
        UUID twice(city.yingzao.contracts.IntegrationEvent event) {
            UUID eventId = UUID.randomUUID();
            Grants.publish(event, eventId);
            Grants.publish(event, eventId);
            return eventId;
        }

        String trancheStatus(int number) {
            Object status = TestPostgres.queryValue("select status from tranche where project_id = ?::uuid and number = ?", id, number);
            return status == null ? "" : status.toString();
        }

        /** Every id recorded; one project's results share a partition, so a marker read after them proves the duplicates read too. */
        void awaitProcessed(UUID... ids) {
            UUID marker = UUID.randomUUID();
            Grants.publish(new AppealDecidedV1(Grants.unique("EV-MARK"), UUID.randomUUID().toString(), org, community, "FINAL", false,
                    Instant.now()), marker);
            String[] texts = java.util.stream.Stream.concat(java.util.Arrays.stream(ids), java.util.stream.Stream.of(marker))
                    .map(UUID::toString).toArray(String[]::new);
            Grants.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                    (Object) texts) == texts.length, "the deliveries read");
        }

        void assertTrancheTwoReleasedOnce() {
            assertThat(trancheStatus(2)).isEqualTo("RELEASED");
            assertThat(TestPostgres.count("select count(*) from tranche_release where project_id = ?::uuid and number = 2", id)).isEqualTo(1);
            assertThat(TestPostgres.count("select count(*) from outbox_message where ce_type like '%TrancheReleased%' "
                    + "and payload->>'projectId' = ? and payload->>'trancheNumber' = '2'", id)).isEqualTo(1);
            assertThat(TestPostgres.count("select count(*) from budget_entry where programme_year = ? and reference = ?", YEAR,
                    "project:" + id + ":tranche:2")).isEqualTo(1);
        }

        void assertEvaluationKept(String evaluation, Instant at) {
            assertThat(TestPostgres.count("select count(*) from evaluation_result where evaluation_id = ?", evaluation)).isEqualTo(1);
            assertThat(TestPostgres.count("select count(*) from evaluation_result where evaluation_id = ? and passed and not appeal_open"
                    + " and at = ?", evaluation, at.atOffset(java.time.ZoneOffset.UTC))).as("the copy of " + evaluation + " as of " + at)
                    .isEqualTo(1);
        }

        void assertInboxOnce(UUID... ids) {
            for (UUID eventId : ids) {
                assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
            }
        }
    }
}

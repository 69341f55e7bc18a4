package city.yingzao.training.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.contracts.finance.ProjectStepChangedV1;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static city.yingzao.contracts.EventType.APPEAL_DECIDED;
import static city.yingzao.contracts.EventType.APPEAL_OPENED;
import static city.yingzao.contracts.EventType.EVALUATION_COMPLETED;
import static city.yingzao.contracts.EventType.PROJECT_CLOSED;
import static city.yingzao.contracts.EventType.PROJECT_STARTED;
import static city.yingzao.contracts.EventType.PROJECT_STEP_CHANGED;
import static city.yingzao.contracts.EventType.SUPERVISION_TEAM_CHANGED;
import static city.yingzao.contracts.EventType.TRANCHE_RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: each event type training reads from {@code finance.projects}, {@code grants.projects}
 * and {@code evaluation.results} delivered twice under the same {@code ce_id}, and out of order where
 * order can break (an earlier step after the archiving, a stale result after its re-score): the map
 * holds each outcome once, with the newest result, the types training ignores leave nothing, and the
 * inbox holds each id once.
 */
@QuarkusTest
@Redelivered({PROJECT_STEP_CHANGED, PROJECT_STARTED, SUPERVISION_TEAM_CHANGED, TRANCHE_RELEASED, PROJECT_CLOSED,
        EVALUATION_COMPLETED, APPEAL_OPENED, APPEAL_DECIDED})
@DisplayName("Duplicate and out-of-order redelivery of outcome events puts each outcome on the map once")
class DuplicateRedeliveryTest {

    static final Instant T1 = Instant.parse("2027-06-01T08:00:00Z");
    static final Instant T2 = T1.plusSeconds(86_400);

    @Test
    @DisplayName("T4 ProjectStepChanged to step 9 twice, then an earlier step: one finance outcome")
    void financeProjectArchivedTwice() {
        String community = Training.unique("O");
        String project = UUID.randomUUID().toString();
        UUID archived = twice(step(project, community, 9, T2));
        UUID earlier = publish(step(project, community, 8, T1));
        awaitProcessed(community, archived, earlier);

        assertThat(TestPostgres.count("select count(*) from map_outcome where source = 'FINANCE_PROJECT' and ref = ?", project)).isEqualTo(1);
        assertInboxOnce(archived, earlier);
    }

    @Test
    @DisplayName("T4 ProjectClosed twice: one grant outcome; ProjectStarted, SupervisionTeamChanged and TrancheReleased twice: none")
    void grantProjectEventsTwice() {
        String community = Training.unique("O");
        String project = Training.unique("GP");
        UUID started = twice(new ProjectStartedV1(project, "A1", "CALL1", 2027, "社区花园", "ORG1", GrantTarget.COMMUNITY, community,
                "510104", "PUBLIC_SPACE", 5_000_000, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), "provisional-2016-v1",
                List.of("rev-1"), List.of(new SupervisionMember("SENIOR_SUPERVISOR", "sup-1")), T1));
        UUID team = twice(new SupervisionTeamChangedV1(project, "ORG1", community, List.of(new SupervisionMember("SENIOR_SUPERVISOR", "sup-2")),
                T1.plusSeconds(60)));
        UUID tranche = twice(new TrancheReleasedV1(project, "ORG1", community, 2, 2_000_000, "MID_TERM_PASSED", "EV1", "AUTOMATIC",
                T1.plusSeconds(120)));
        UUID closed = twice(new ProjectClosedV1(project, "社区花园", "ORG1", community, "PUBLIC_SPACE", "COMPLETED", 5_000_000, T2));
        awaitProcessed(community, started, team, tranche, closed);

        assertThat(TestPostgres.count("select count(*) from map_outcome where ref = ?", project)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from map_outcome where source = 'GRANT_PROJECT' and ref = ? and detail = 'COMPLETED'",
                project)).isEqualTo(1);
        assertInboxOnce(started, team, tranche, closed);
    }

    @Test
    @DisplayName("T4 EvaluationCompleted twice, its re-score after an upheld appeal, then the stale result again: one outcome with the re-score")
    void evaluationTwiceThenReScored() {
        String community = Training.unique("O");
        String evaluation = Training.unique("EV");
        UUID first = twice(evaluation(evaluation, community, "FAIL", false, T1));
        UUID opened = twice(new AppealOpenedV1(evaluation, "GP1", "ORG1", community, "MID_TERM", T1.plusSeconds(60)));
        UUID decided = twice(new AppealDecidedV1(evaluation, "GP1", "ORG1", community, "MID_TERM", true, T2.minusSeconds(60)));
        UUID rescored = publish(evaluation(evaluation, community, "GOOD", true, T2));
        UUID stale = publish(evaluation(evaluation, community, "FAIL", false, T1)); // the first result replayed under another id
        awaitProcessed(community, first, opened, decided, rescored, stale);

        assertThat(TestPostgres.count("select count(*) from map_outcome where ref = ?", evaluation)).isEqualTo(1);
        assertThat(TestPostgres.queryValue("select detail from map_outcome where source = 'EVALUATION' and ref = ?", evaluation))
                .isEqualTo("GOOD (passed)");
        assertInboxOnce(first, opened, decided, rescored, stale);
    }

    static ProjectStepChangedV1 step(String project, String community, int step, Instant at) {
        return new ProjectStepChangedV1(project, community, 2027, "楼道照明", "INFRASTRUCTURE_MAINTENANCE", step, step == 9 ? "ARCHIVED" : "REVIEW",
                100_000, 100_000, at);
    }

    static EvaluationCompletedV1 evaluation(String id, String community, String grade, boolean passed, Instant at) {
        return new EvaluationCompletedV1(id, "GP1", "ORG1", community, "MID_TERM", "provisional-2016-v1", List.of(),
                new BigDecimal(passed ? "82.0" : "48.0"), grade, passed, at, at);
    }

    static UUID publish(IntegrationEvent event) {
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(event, eventId);
        return eventId;
    }

    /** The event twice under one CloudEvents id, as a redelivery brings it. */
    static UUID twice(IntegrationEvent event) {
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(event, eventId);
        TestEvents.publish(event, eventId);
        return eventId;
    }

    /** Every id recorded, then markers on each topic of the community (one partition each), so the duplicates were read too. */
    static void awaitProcessed(String community, UUID... ids) {
        UUID[] markers = {
                publish(step(UUID.randomUUID().toString(), community, 1, Instant.now())),
                publish(new TrancheReleasedV1("GP-MARK", "ORG1", community, 1, 1, "AGREEMENT_SIGNED", null, "AUTOMATIC", Instant.now())),
                publish(new AppealDecidedV1("EV-MARK", "GP-MARK", "ORG1", community, "FINAL", false, Instant.now()))};
        String[] texts = Stream.concat(Arrays.stream(ids), Arrays.stream(markers)).map(UUID::toString).toArray(String[]::new);
        Training.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                (Object) texts) == texts.length, "the deliveries read");
    }

    static void assertInboxOnce(UUID... ids) {
        for (UUID eventId : ids) {
            assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        }
    }
}

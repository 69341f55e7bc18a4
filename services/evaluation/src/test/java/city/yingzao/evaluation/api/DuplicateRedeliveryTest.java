package city.yingzao.evaluation.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.contracts.grants.TrancheReleasedV1;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static city.yingzao.contracts.EventType.PROJECT_CLOSED;
import static city.yingzao.contracts.EventType.PROJECT_STARTED;
import static city.yingzao.contracts.EventType.SUPERVISION_TEAM_CHANGED;
import static city.yingzao.contracts.EventType.TRANCHE_RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: each event type evaluation consumes from {@code grants.projects} delivered twice
 * under the same {@code ce_id}, and out of order where order can break (an older team change after a
 * newer one, a project's start replayed after its team changed or it closed): one project row with its
 * newest team and state, its two evaluations opened once, and the inbox holds each id once.
 */
@QuarkusTest
@Redelivered({PROJECT_STARTED, SUPERVISION_TEAM_CHANGED, PROJECT_CLOSED, TRANCHE_RELEASED})
@DisplayName("Duplicate and out-of-order redelivery of grants' project events changes evaluation once")
class DuplicateRedeliveryTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);
    static final Instant T2 = T0.plusSeconds(7200);

    @Test
    @DisplayName("E4 ProjectStarted twice: one project, its mid-term and final evaluations opened once each")
    void projectStartedTwice() {
        Project p = new Project();
        UUID started = p.twice(p.started(T0));
        p.awaitProcessed(started);

        assertThat(TestPostgres.count("select count(*) from project where project_id = ?", p.id)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from evaluation where project_id = ?", p.id)).isEqualTo(2);
        assertThat(TestPostgres.count("select count(*) from evaluation where project_id = ? and kind = 'MID_TERM'", p.id)).isEqualTo(1);
        p.assertInboxOnce(started);
    }

    @Test
    @DisplayName("E3 SupervisionTeamChanged twice, then an older team change: the project keeps the newest team")
    void teamChangedTwiceThenAnOlderOne() {
        Project p = new Project();
        UUID started = p.publish(p.started(T0));
        UUID newer = p.twice(p.teamChanged(T2, "sup-new"));
        UUID older = p.publish(p.teamChanged(T1, "sup-old"));
        p.awaitProcessed(started, newer, older);

        assertThat(p.team()).isEqualTo("sup-new");
        p.assertInboxOnce(started, newer, older);
    }

    @Test
    @DisplayName("E3 ProjectStarted replayed after its team changed: the newer team stands, the evaluations are not opened again")
    void startReplayedAfterTheTeamChanged() {
        Project p = new Project();
        UUID started = p.publish(p.started(T0));
        UUID changed = p.publish(p.teamChanged(T1, "sup-new"));
        UUID replayed = p.publish(p.started(T0)); // the start again under another id, as a dead-letter replay can bring it
        p.awaitProcessed(started, changed, replayed);

        assertThat(p.team()).isEqualTo("sup-new");
        assertThat(TestPostgres.count("select count(*) from evaluation where project_id = ?", p.id)).isEqualTo(2);
    }

    @Test
    @DisplayName("E4 ProjectClosed twice, then its start replayed: closed once, at its time, with its outcome")
    void projectClosedTwice() {
        Project p = new Project();
        UUID started = p.publish(p.started(T0));
        UUID closed = p.twice(new ProjectClosedV1(p.id, "社区花园 " + p.id, p.org, p.community, "SPACE", "COMPLETED", 20_000_000L, T2));
        UUID replayed = p.publish(p.started(T0));
        p.awaitProcessed(started, closed, replayed);

        assertThat(TestPostgres.count("select count(*) from project where project_id = ? and outcome = 'COMPLETED' and closed_at = ?"
                + " and updated_at = ?", p.id, T2.atOffset(ZoneOffset.UTC), T2.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from evaluation where project_id = ?", p.id)).isEqualTo(2);
        p.assertInboxOnce(started, closed, replayed);
    }

    @Test
    @DisplayName("TrancheReleased twice: read and skipped, the project and its evaluations unchanged")
    void trancheReleasedTwice() {
        Project p = new Project();
        UUID started = p.publish(p.started(T0));
        UUID released = p.twice(new TrancheReleasedV1(p.id, p.org, p.community, 2, 8_000_000L, "MID_TERM_PASSED", null, "AUTOMATIC", T1));
        p.awaitProcessed(started, released);

        assertThat(TestPostgres.count("select count(*) from project where project_id = ? and updated_at = ?", p.id,
                T0.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from evaluation where project_id = ?", p.id)).isEqualTo(2);
        p.assertInboxOnce(started, released);
    }

    /** A grant project as grants publishes it, with one senior supervisor. */
    static final class Project {
        final String id = Eval.unique("P");
        final String org = Eval.unique("ORG");
        final String community = Eval.unique("C");

        ProjectStartedV1 started(Instant at) {
            return new ProjectStartedV1(id, Eval.unique("A"), Eval.unique("CALL"), 2027, "社区花园 " + id, org, GrantTarget.COMMUNITY,
                    community, "510104", "SPACE", 20_000_000L, LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 28),
                    "provisional-2016-v1", List.of("rev-0"), List.of(new SupervisionMember("SENIOR_SUPERVISOR", "sup-0")), at);
        }

        SupervisionTeamChangedV1 teamChanged(Instant at, String supervisor) {
            return new SupervisionTeamChangedV1(id, org, community, List.of(new SupervisionMember("SENIOR_SUPERVISOR", supervisor)), at);
        }

        UUID publish(IntegrationEvent event) {
            UUID eventId = UUID.randomUUID();
            Eval.publish(event, eventId);
            return eventId;
        }

        UUID twice(IntegrationEvent event) {
            UUID eventId = UUID.randomUUID();
            Eval.publish(event, eventId);
            Eval.publish(event, eventId);
            return eventId;
        }

        String team() {
            return TestPostgres.queryValue("select array_to_string(supervision_team, ',') from project where project_id = ?", id)
                    .toString();
        }

        /** Every id recorded, and a marker of the same community read after them (one partition), so the duplicates were read too. */
        void awaitProcessed(UUID... ids) {
            UUID marker = publish(new TrancheReleasedV1(Eval.unique("P-MARK"), org, community, 1, 1L, "AGREEMENT_SIGNED", null, "AUTOMATIC",
                    Instant.now()));
            String[] texts = Stream.concat(Arrays.stream(ids), Stream.of(marker)).map(UUID::toString).toArray(String[]::new);
            Eval.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                    (Object) texts) == texts.length, "the deliveries of " + id);
        }

        void assertInboxOnce(UUID... ids) {
            for (UUID eventId : ids) {
                assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
            }
        }
    }
}

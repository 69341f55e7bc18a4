package city.yingzao.deliberation.application;

import city.yingzao.deliberation.api.Fixtures;
import city.yingzao.testing.StatementCounter;
import city.yingzao.testing.TestPostgres;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: deliberation's list views cost a fixed number of SQL statements whatever the number of items (no N+1):
 * a community's public resolutions with their objections, a council's proposals with their co-signers, and a
 * meeting's agenda (the items put to the vote, with their proposals). Two communities differ only in size (3 and 20
 * items of each); the statements each view sends are counted by {@link StatementCounter} on the test's own thread
 * (the test datasource's driver), the views called as the city operator.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("D9 D13 deliberation views: statements do not grow with the number of items")
class ViewQueriesTest {

    private static final int SMALL = 3;
    private static final int LARGE = 20;

    @Inject
    ResolutionService resolutions;

    @Inject
    ProposalService proposals;

    @Inject
    MeetingService meetings;

    @Inject
    CurrentIdentityAssociation identities;

    private Seeded small;
    private Seeded large;

    /** A community, its council, {@code n} proposals with co-signers on one meeting's agenda, each with a resolution. */
    private record Seeded(String community, UUID council, UUID meeting) {
    }

    /** Seeded before each test but only once: RestAssured knows the test port per test, not in {@code @BeforeAll}. */
    @BeforeEach
    void twoCommunitiesOfDifferentSize() throws SQLException {
        if (small == null) {
            small = seed(SMALL);
            large = seed(LARGE);
        }
    }

    /** The views are read as the city operator (a reader of every community), on this thread's request context. */
    private void asCityOperator() {
        identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("city-operator"))
                .addRole("city-operator").build());
    }

    @Test
    @DisplayName("D13 a community's public resolutions with objections: as many statements for 20 as for 3")
    void publicResolutions() {
        asCityOperator();
        var few = StatementCounter.count(() -> resolutions.publicList(small.community(), 0, 50));
        var many = StatementCounter.count(() -> resolutions.publicList(large.community(), 0, 50));

        assertThat(few.result()).hasSize(SMALL);
        assertThat(many.result()).hasSize(LARGE).allSatisfy(r -> assertThat(r.objections()).hasSize(2));
        assertThat(few.statements()).isPositive();
        assertThat(many.statements()).as("statements for %d resolutions against %d for %d", LARGE, few.statements(), SMALL)
                .isEqualTo(few.statements());
    }

    @Test
    @DisplayName("D10 a council's proposals with co-signers: as many statements for 20 as for 3")
    void proposalsOfCouncil() {
        asCityOperator();
        var few = StatementCounter.count(() -> proposals.ofCouncil(small.council()));
        var many = StatementCounter.count(() -> proposals.ofCouncil(large.council()));

        assertThat(few.result()).hasSize(SMALL);
        assertThat(many.result()).hasSize(LARGE).allSatisfy(p -> assertThat(p.signers()).hasSize(3));
        assertThat(many.statements()).as("statements for %d proposals against %d for %d", LARGE, few.statements(), SMALL)
                .isEqualTo(few.statements());
    }

    @Test
    @DisplayName("D6 a meeting's agenda of items to vote on: as many statements for 20 items as for 3")
    void meetingAgenda() {
        asCityOperator();
        var few = StatementCounter.count(() -> meetings.get(small.meeting()));
        var many = StatementCounter.count(() -> meetings.get(large.meeting()));

        assertThat(few.result().items()).hasSize(SMALL);
        assertThat(many.result().items()).hasSize(LARGE).allSatisfy(i -> assertThat(i.title()).startsWith("提案 "));
        assertThat(many.statements()).as("statements for %d items against %d for %d", LARGE, few.statements(), SMALL)
                .isEqualTo(few.statements());
    }

    private static Seeded seed(int n) throws SQLException {
        String community = Fixtures.community();
        UUID council = UUID.fromString(Fixtures.createCouncil(community, "COMMUNITY", null));
        UUID meeting = UUID.nameUUIDFromBytes((community + ":meeting").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (Connection c = TestPostgres.connect()) {
            update(c, """
                    insert into proposal (id, council_id, community_code, title, body, subject_type, proposer_kind, filed_by, status, filed_at)
                    select md5(?::text || ':p:' || g)::uuid, ?::uuid, ?, '提案 ' || g, 'body', 'GENERAL', 'RESIDENTS', 'test', 'SCHEDULED',
                           now() + g * interval '1 second'
                    from generate_series(1, ?) g""", community, council, community, n);
            update(c, """
                    insert into proposal_signature (proposal_id, person_id, household_code, signed_at)
                    select p.id, 'signer-' || s, 'H000' || s, now() + s * interval '1 second'
                    from proposal p cross join generate_series(1, 3) s where p.council_id = ?::uuid""", council);
            update(c, """
                    insert into meeting (id, council_id, community_code, title, scheduled_at, chair_person_id, status)
                    values (?::uuid, ?::uuid, ?, '例会', now() + interval '1 day', 'chair', 'SCHEDULED')""", meeting, council, community);
            update(c, """
                    insert into agenda_item (id, meeting_id, proposal_id, position, status)
                    select md5(p.id::text || ':i')::uuid, ?::uuid, p.id, row_number() over (order by p.filed_at), 'DONE'
                    from proposal p where p.council_id = ?::uuid""", meeting, council);
            update(c, """
                    insert into motion (id, meeting_id, item_id, text, moved_by, status, moved_at, yes, no, abstain, membership, decided_at)
                    select md5(i.id::text || ':m')::uuid, i.meeting_id, i.id, 'motion', 'chair', 'PASSED', now(), 10, 1, 0, 25, now()
                    from agenda_item i where i.meeting_id = ?::uuid""", meeting);
            update(c, """
                    insert into resolution (id, motion_id, council_id, community_code, council_level, subject_type, title, yes, no,
                        abstain, membership, status, published_at, publicity_days, adopt_at)
                    select md5(m.id::text || ':r')::uuid, m.id, ?::uuid, ?, 'COMMUNITY', 'GENERAL', 'resolution', 10, 1, 0, 25,
                           'PUBLISHED', now() - row_number() over (order by m.id) * interval '1 second', 7, now() + interval '7 days'
                    from motion m where m.meeting_id = ?::uuid""", council, community, meeting);
            update(c, """
                    insert into objection (id, resolution_id, person_id, text, filed_at)
                    select md5(r.id::text || ':o:' || k)::uuid, r.id, 'resident-' || k, 'objection', now()
                    from resolution r cross join generate_series(1, 2) k where r.council_id = ?::uuid""", council);
        }
        return new Seeded(community, council, meeting);
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i] instanceof UUID u ? u.toString() : parameters[i]);
            }
            s.executeUpdate();
        }
    }
}

package city.yingzao.finance.application;

import city.yingzao.finance.api.Finance;
import city.yingzao.testing.StatementCounter;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: the list views of finance's public disclosure cost a fixed number of SQL statements, whatever the number
 * of projects and vote rounds (no N+1). Two communities differ only in size (3 and 20 projects, each with its steps
 * and a council decision; 3 and 20 closed rounds of three candidates with tallies); the statements each view sends are
 * counted by {@link StatementCounter} on the test's own thread (the test's datasource driver).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("F8 disclosure views: statements do not grow with the number of items")
class ViewQueriesTest {

    private static final int SMALL = 3;
    private static final int LARGE = 20;

    @Inject
    ProjectService projects;

    @Inject
    VoteService votes;

    @Inject
    DisclosureService disclosure;

    private String small;
    private String large;

    @BeforeAll
    void twoCommunitiesOfDifferentSize() throws SQLException {
        small = Finance.unique("NQS");
        large = Finance.unique("NQL");
        for (String[] c : new String[][] {{small, String.valueOf(SMALL)}, {large, String.valueOf(LARGE)}}) {
            Finance.community(c[0], "URBAN", "510104", "MAIN_URBAN", 1200);
            Finance.households(c[0], 2);
            seed(c[0], Integer.parseInt(c[1]));
        }
    }

    @Test
    @DisplayName("F8 a community's projects with steps and council decisions: as many statements for 20 as for 3")
    void projectsOfCommunity() {
        var few = StatementCounter.count(() -> projects.ofCommunity(small));
        var many = StatementCounter.count(() -> projects.ofCommunity(large));

        assertThat(few.result()).hasSize(SMALL);
        assertThat(many.result()).hasSize(LARGE);
        assertThat(many.result()).allSatisfy(p -> {
            assertThat(p.steps()).isNotEmpty();
            assertThat(p.councilDecisions()).hasSize(1);
        });
        assertThat(few.statements()).isPositive();
        assertThat(many.statements()).as("statements for %d projects against %d for %d", LARGE, few.statements(), SMALL)
                .isEqualTo(few.statements());
    }

    @Test
    @DisplayName("F8 a community's vote rounds with tallies: as many statements for 20 as for 3")
    void voteRoundsOfCommunity() {
        var few = StatementCounter.count(() -> votes.ofCommunity(small));
        var many = StatementCounter.count(() -> votes.ofCommunity(large));

        assertThat(few.result()).hasSize(SMALL);
        assertThat(many.result()).hasSize(LARGE).allSatisfy(r -> assertThat(r.tally()).hasSize(3));
        assertThat(many.statements()).as("statements for %d rounds against %d for %d", LARGE, few.statements(), SMALL)
                .isEqualTo(few.statements());
    }

    @Test
    @DisplayName("F8 the whole public finance page of a community: as many statements for 20 projects and rounds as for 3")
    void disclosurePage() {
        var few = StatementCounter.count(() -> disclosure.community(small));
        var many = StatementCounter.count(() -> disclosure.community(large));

        assertThat(many.result().projects()).hasSize(LARGE);
        assertThat(many.result().voteRounds()).hasSize(LARGE);
        assertThat(many.statements()).as("statements for the large page against %d for the small one", few.statements())
                .isEqualTo(few.statements());
    }

    /** {@code n} projects at step 3 with steps 1-3 and an adopted decision each; {@code n} closed rounds of 3 candidates. */
    private static void seed(String community, int n) throws SQLException {
        try (Connection c = TestPostgres.connect()) {
            update(c, """
                    insert into project (id, community_code, fund_year, title, category, purpose, budget_fen, contribution_fen,
                        urgency, step, paid_fen, created_by, created_at)
                    select md5(?::text || ':p:' || g)::uuid, ?, 2027, '项目 ' || g, 'CULTURE_AND_SPORTS', 'purpose', 100000, 0,
                           'LOW', 3, 0, 'test', now() + g * interval '1 second'
                    from generate_series(1, ?) g""", community, community, n);
            update(c, """
                    insert into project_step (project_id, step, note, changed_by, changed_at)
                    select p.id, s, null, 'test', now() from project p cross join generate_series(1, 3) s
                    where p.community_code = ?""", community);
            update(c, """
                    insert into council_decision (decision_id, outcome, community_code, council_level, subject_type, subject_ref,
                        title, reason, decided_at)
                    select 'D-' || p.id, 'ADOPTED', ?, 'COMMUNITY', 'FUND_PROJECT', p.id::text, 'decision', null, now()
                    from project p where p.community_code = ?""", community, community);
            update(c, """
                    insert into vote_round (id, community_code, title, candidates, status, ballots, online_ballots, paper_ballots,
                        opened_by, opened_at, closed_at)
                    select md5(?::text || ':r:' || r)::uuid, ?, 'round ' || r,
                           array(select md5(?::text || ':p:' || (1 + (r + k) % ?))::uuid from generate_series(0, 2) k),
                           'CLOSED', 3, 2, 1, 'test', now() + r * interval '1 second', now() + r * interval '1 second'
                    from generate_series(1, ?) r""", community, community, community, n, n);
            update(c, """
                    insert into vote_tally (round_id, project_id, approvals)
                    select r.id, p, 1 from vote_round r cross join unnest(r.candidates) p where r.community_code = ?""", community);
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}

package city.yingzao.evaluation.application;

import city.yingzao.evaluation.api.Eval;
import city.yingzao.evaluation.application.Views.GradeCounts;
import city.yingzao.testing.StatementCounter;
import city.yingzao.testing.TestPostgres;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 (the evening peak): the evaluation views the operators' dashboard reads do not grow with the city.
 * The list of evaluations costs the same statements for 20 evaluations as for 3 (their evaluators fetched for the whole
 * list, not once each), and the grades are counted by the database over every evaluation, never over a page of them.
 * Evaluations are seeded by set-based SQL under a call of their own, windows in 2099 so they sort after every other
 * test's evaluations.
 */
@QuarkusTest
@DisplayName("E6 evaluation views: statements do not grow with the number of evaluations, grades counted whole")
class ViewQueriesTest {

    @Inject
    EvaluationService evaluations;

    @Inject
    CurrentIdentityAssociation identities;

    @Test
    @DisplayName("E6 the evaluations of a call with their evaluators: as many statements for 20 as for 3")
    void listWithEvaluators() throws SQLException {
        String few = seed(3, "OPEN", null, 2);
        String many = seed(20, "OPEN", null, 2);
        asCityOperator();

        var small = StatementCounter.count(() -> evaluations.list(few, null, null, 1000));
        var large = StatementCounter.count(() -> evaluations.list(many, null, null, 1000));

        assertThat(small.result()).hasSize(3);
        assertThat(large.result()).hasSize(20).allSatisfy(e -> assertThat(e.evaluators()).containsExactly("eva-a", "eva-b"));
        assertThat(small.statements()).isPositive();
        assertThat(large.statements()).as("statements for 20 evaluations against %d for 3", small.statements())
                .isEqualTo(small.statements());
    }

    @Test
    @DisplayName("E6 the city's grades count every released result (1,005 of one grade, past any page) and no unreleased or cancelled one")
    void gradesCountedWhole() throws SQLException {
        GradeCounts before = grades();

        seed(1005, "FINAL", "GOOD", 0);
        seed(2, "RELEASED", "EXCELLENT", 0);
        seed(3, "OPEN", null, 0);
        seed(4, "CANCELLED", "FAIL", 0);
        GradeCounts after = grades();

        assertThat(after.grades()).containsOnlyKeys("EXCELLENT", "GOOD", "PASS", "FAIL");
        assertThat(after.grades().get("GOOD") - before.grades().get("GOOD")).isEqualTo(1005);
        assertThat(after.grades().get("EXCELLENT") - before.grades().get("EXCELLENT")).isEqualTo(2);
        assertThat(after.grades().get("FAIL")).isEqualTo(before.grades().get("FAIL"));
        assertThat(after.released() - before.released()).isEqualTo(1007);
        asCityOperator();
        assertThat(StatementCounter.statements(() -> evaluations.gradeCounts())).isEqualTo(1);
    }

    @Test
    @DisplayName("E6 the city's grades are the operators' and auditors' figure: an agency, an evaluator and a supervisor get 403")
    void gradesOnlyForThoseWhoSeeAll() {
        given().auth().oauth2(Eval.auditor()).get("/api/evaluations/grades").then().statusCode(200);
        for (String token : List.of(Eval.agency("ORG-GRADES"), Eval.evaluator("eva-grades"),
                Eval.supervisor("sup-grades"))) {
            given().auth().oauth2(token).get("/api/evaluations/grades").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    private static GradeCounts grades() {
        return given().auth().oauth2(Eval.operator()).get("/api/evaluations/grades").then().statusCode(200)
                .extract().as(GradeCounts.class);
    }

    /** The views are read as the city operator (a reader of every evaluation), on this thread's request context. */
    private void asCityOperator() {
        identities.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("city-operator"))
                .addRole("city-operator").build());
    }

    /** {@code n} evaluations under a call of their own, in the given status with the given grade, each with evaluators. */
    private static String seed(int n, String status, String grade, int evaluators) throws SQLException {
        String call = Eval.unique("VQ");
        String result = grade == null ? null
                : "{\"domainScores\":[],\"overall\":80.0,\"grade\":\"" + grade + "\",\"passed\":true,\"flagged\":false}";
        try (Connection c = TestPostgres.connect();
             PreparedStatement e = c.prepareStatement("""
                     insert into evaluation (id, project_id, call_id, organisation_code, community_code, kind, title, framework_version,
                         visible_from, window_opens_on, window_closes_on, evaluators_wanted, appeal_window_days, status, created_by,
                         created_at, result)
                     select md5(?::text || g)::uuid, ? || '-P' || g, ?, 'ORG-' || ?, 'C' || ?, 'MID_TERM', 'seeded', 'provisional-2016-v1',
                            date '2099-01-01', date '2099-01-01', date '2099-02-01', 2, 7, ?, 'test', now(), ?::jsonb
                     from generate_series(1, ?) g""");
             PreparedStatement a = c.prepareStatement("""
                     insert into assignment (evaluation_id, evaluator_id, active, assigned_by, assigned_at)
                     select e.id, v.evaluator, true, 'test', now()
                     from evaluation e cross join (values ('eva-a'), ('eva-b')) v (evaluator)
                     where e.call_id = ? and ? > 0""")) {
            e.setString(1, call);
            e.setString(2, call);
            e.setString(3, call);
            e.setString(4, call);
            e.setString(5, call);
            e.setString(6, status);
            e.setString(7, result);
            e.setInt(8, n);
            e.executeUpdate();
            a.setString(1, call);
            a.setInt(2, evaluators);
            a.executeUpdate();
        }
        return call;
    }
}

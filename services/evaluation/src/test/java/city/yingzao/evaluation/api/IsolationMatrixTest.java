package city.yingzao.evaluation.api;

import city.yingzao.testing.IsolationProbe;
import city.yingzao.testing.IsolationProbe.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant isolation, generated from the OpenAPI document: every operation called with organisation
 * O1's evaluation (its project started, two evaluators assigned) by every scoped role of tenant B
 * (organisation O2, an evaluator not assigned) is a 403/404 problem and changes no table, and A's own
 * callers (O1's agency, the assigned evaluator) reach it. Supervisors moderate every evaluation of
 * the city (E6), so they are no tenant's and are left out of the scoped roles.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Evaluation: another organisation's agency or an evaluator not assigned reaches none of O1's evaluations, sheets or results")
class IsolationMatrixTest {

    @TestHTTPResource("/")
    URI root;

    Flow flow;
    Tenant a;
    Tenant b;

    @BeforeEach
    void tenantA() {
        if (flow != null) {
            return;
        }
        flow = new Flow().started().assigned(2);
        a = Tenant.of(flow.community, "DISO-A", flow.org, "H0001");
        b = Tenant.of(Eval.unique("C"), "DISO-B", Eval.unique("ORG"), "H0001");
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String evaluator = flow.evaluators.get(0);
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(a, b)
                .scopedRoles("district-operator", "community-staff", "party-reviewer", "council-member", "resident", "agency",
                        "reviewer", "evaluator", "trainer")
                .insider("the evaluator assigned to O1's evaluation", Eval.evaluator(evaluator), "evaluator")
                .identifiers(flow.mid, flow.project.projectId())
                .value("id", flow.mid).value("evaluator", evaluator).value("project", flow.project.projectId())
                .value("call", flow.call).value("version", "provisional-2016-v1").value("format", "csv")
                .body("PUT /api/evaluations/{id}/sheets/{evaluator}", Eval.sheet(2, Map.of()))
                .body("POST /api/evaluations/{id}/sheets/{evaluator}/submit", Eval.sheet(3, Map.of()))
                .body("POST /api/evaluations/{id}/sheets/{evaluator}/revisions",
                        Map.of("changes", List.of(Map.of("indicatorId", "1.1", "level", 2)), "reason", "isolation"))
                .body("POST /api/evaluations/{id}/response", Map.of("text", "isolation"))
                .body("POST /api/evaluations/{id}/appeal", Map.of("reason", "isolation"))
                .reachLast("POST /api/evaluations/{id}/sheets/{evaluator}/submit", "POST /api/evaluations/{id}/sheets/{evaluator}/revisions")
                .unreachable("GET /api/evaluations/{id}/sheets/{evaluator}", "the sheet exists once its evaluator first writes it,"
                        + " and the probe reads before it writes; B's refusal (403) is still checked")
                .kernelOperations()
                .publicRead("GET /api/public/projects/{project}/grades", "E8: kind, overall, grade, final or not; no names, sheets or feedback")
                .cityWide("GET /api/frameworks", "the city's evaluation frameworks, one for every project")
                .cityWide("GET /api/frameworks/{version}", "the city's evaluation frameworks, one for every project")
                .cityWide("GET /api/frameworks/{version}/export", "the city's evaluation frameworks, one for every project")
                .callersOwn("GET /api/evaluations", "lists only the caller's own organisation's or assignments' evaluations")
                .run().assertIsolated();
        System.out.println("[evaluation] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(25);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }
}

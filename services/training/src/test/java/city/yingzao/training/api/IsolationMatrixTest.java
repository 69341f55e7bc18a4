package city.yingzao.training.api;

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
 * Tenant isolation, generated from the OpenAPI document: every operation called with A's session
 * (its trainer, a learner seated), the learner's certificate and community A1's map profile by every
 * scoped role of tenant B (another trainer, learner, community's staff) is a 403/404 problem and
 * changes no table, and A's own callers reach it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Training: another trainer, learner or community's staff reaches none of A's sessions, scores, certificates or map profile")
class IsolationMatrixTest {

    static final String TRAINER = "iso-trainer";
    static final String LEARNER = "iso-learner";

    @TestHTTPResource("/")
    URI root;

    Tenant a;
    Tenant b;
    String session;
    String course;
    String certificate;

    @BeforeEach
    void tenantA() {
        if (a != null) {
            return;
        }
        a = Tenant.of(Training.unique("SI"), "510104", "ORG-" + LEARNER, "H0001");
        b = Tenant.of(Training.unique("SJ"), "510105", "ORG-ISO-B", "H0001");
        Training.community(a.community(), a.district());
        Training.community(b.community(), b.district());
        Training.as(Training.staff(a.community())).body(Map.of("history", "h")).put("/api/communities/" + a.community() + "/map-profile")
                .then().statusCode(200);
        course = Training.as(Training.cityOperator()).body(TrainingSecurityMatrixTest.newCourse()).post("/api/courses")
                .then().statusCode(201).extract().path("code");
        session = Training.session(Training.trainer(TRAINER), "PRA-TOOLS", 500, 2);
        Training.as(Training.learner(LEARNER)).post("/api/sessions/" + session + "/enrolments").then().statusCode(201);
        certificate = Training.as(Training.cityOperator()).body(TrainingSecurityMatrixTest.evidence(LEARNER))
                .post("/api/schemes/SUPERVISOR/grants").then().statusCode(201).extract().path("code");
    }

    @Test
    @DisplayName("every operation × every scoped role of the other tenant → 403/404, nothing changed; A's callers get through")
    void everyOperation() {
        String catalogue = "the catalogue (institutions, courses, versions, tours) is the city's: every trainer adds to it";
        IsolationProbe.Result result = IsolationProbe.against(root).tenants(a, b)
                .insider("the trainer of A's session", Training.trainer(TRAINER), "trainer")
                .insider("the learner seated in A's session", Training.learner(LEARNER), "evaluator")
                .value("id", session).value("person", LEARNER).value("seq", 1).value("code", certificate).value("scheme", "SUPERVISOR")
                .target("POST /api/courses/{code}/versions", "/api/courses/" + course + "/versions")
                .target("PUT /api/communities/{code}/map-profile", "/api/communities/" + a.community() + "/map-profile")
                .body("PUT /api/communities/{code}/map-profile", Map.of("history", "isolation"))
                .body("POST /api/sessions/{id}/enrolments/batch",
                        Map.of("people", List.of(Map.of("personId", Training.unique("p").toLowerCase(), "displayName", "李四"))))
                .body("POST /api/sessions/{id}/meetings/{seq}/attendance", Map.of("personIds", List.of(LEARNER)))
                .body("PUT /api/sessions/{id}/scores/{person}", Map.of("score", 80))
                .body("POST /api/sessions/{id}/meetings/{seq}/self-mark", Map.of("code", "ZZZZZZ"))
                .body("POST /api/schemes/{scheme}/assessments", Map.of("personId", LEARNER, "score", 10))
                .reachLast("DELETE /api/sessions/{id}/enrolments/{person}", "POST /api/sessions/{id}/close")
                .unreachable("DELETE /api/sessions/{id}/enrolments/me", "the learner leaving is the learner's own act (callersOwn);"
                        + " the trainer's removal of the same seat is checked as DELETE …/enrolments/{person}")
                .kernelOperations()
                .publicRead("GET /api/public/*", "catalogue, open sessions without rosters, the map, certificate"
                        + " verification (standing, display name, scheme only)")
                .callersOwn("POST /api/institutions", catalogue)
                .callersOwn("POST /api/courses", catalogue)
                .callersOwn("POST /api/courses/{code}/versions", catalogue)
                .callersOwn("POST /api/map/tours", catalogue)
                .callersOwn("POST /api/sessions", "opens a session of which the caller is the trainer")
                .callersOwn("GET /api/sessions", "lists the calling trainer's own sessions")
                .callersOwn("POST /api/sessions/{id}/enrolments", "enrols the caller themself in an open session (public)")
                .callersOwn("DELETE /api/sessions/{id}/enrolments/me", "the caller leaves their own seat")
                .callersOwn("POST /api/sessions/{id}/meetings/{seq}/self-mark", "marks the caller themself, with the code the"
                        + " trainer shows in the room; a wrong code is 422 to everyone")
                .callersOwn("GET /api/sessions/{id}/progress", "the caller's own progress in the session (B's caller is told"
                        + " it holds no seat), never another learner's")
                .callersOwn("GET /api/learners/me/enrolments", "the caller's own enrolments")
                .callersOwn("GET /api/learners/me/transcript", "the caller's own transcript")
                .callersOwn("POST /api/schemes/{scheme}/assessments", "a scheme's assessors are the city's trainers: any"
                        + " trainer records an assessment of a candidate (T3)")
                .run().assertIsolated();
        System.out.println("[training] isolation: " + result.summary());

        assertThat(result.operations()).isGreaterThan(30);
        assertThat(result.outcomes()).containsKeys("B 403 out-of-scope");
    }
}

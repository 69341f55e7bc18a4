package city.yingzao.training.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Bad input gets a problem (400/404/409/422), never a 500, and changes nothing. */
@QuarkusTest
@DisplayName("Bad input to training gets a 4xx problem, never a 500, and changes nothing")
class MalformedInputTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("unknown or malformed ids are 404, bodies that are not JSON or break a shape 400, and nothing is written")
    void unknownThings() {
        long before = rows();
        String op = Training.cityOperator();
        as(op).get("/api/sessions/not-a-uuid").then().statusCode(404).body("type", equalTo("urn:yingzao:problem:not-found"));
        as(op).get("/api/sessions/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        as(op).post("/api/sessions/not-a-uuid/enrolments").then().statusCode(404);
        as(op).body("{ not json").post("/api/sessions").then().statusCode(400);
        as(op).body(Map.of("courseCode", "NOSUCH", "title", "t", "place", "p", "capacity", 5,
                "meetings", List.of(Map.of("startsAt", "2027-01-01T00:00:00Z", "endsAt", "2027-01-01T01:00:00Z")))).post("/api/sessions")
                .then().statusCode(404);
        as(op).body(Map.of("courseCode", "PRA-TOOLS", "title", "t", "place", "p", "capacity", 0, "meetings", List.of()))
                .post("/api/sessions").then().statusCode(400);
        as(op).body(Map.of("courseCode", "PRA-TOOLS", "title", "t", "place", "p", "capacity", 5,
                "meetings", List.of(Map.of("startsAt", "2027-01-01T02:00:00Z", "endsAt", "2027-01-01T01:00:00Z")))).post("/api/sessions")
                .then().statusCode(400);
        as(op).body(Map.of("courseCode", "PRA-TOOLS", "title", "t", "capacity", 5,
                "meetings", List.of(Map.of("startsAt", "yesterday", "endsAt", "2027-01-01T01:00:00Z")))).post("/api/sessions")
                .then().statusCode(400);
        as(op).body(Map.of("personId", "x", "score", 101)).post("/api/schemes/SUPERVISOR/assessments").then().statusCode(400);
        as(op).body(Map.of("personId", "x", "displayName", "X", "score", 80)).post("/api/schemes/NOSUCH/assessments").then().statusCode(404);
        as(op).body(Map.of("personId", "bad person!", "holderName", "X", "evidence", "e")).post("/api/schemes/SUPERVISOR/grants")
                .then().statusCode(400);
        as(op).body(Map.of("personId", "future", "holderName", "X", "evidence", "e", "validFrom", "2999-01-01T00:00:00Z"))
                .post("/api/schemes/SUPERVISOR/grants").then().statusCode(400);
        as(op).body(Map.of("reason", "x")).post("/api/certificates/NOSUCH/revoke").then().statusCode(404);
        RestAssured.get("/api/public/certificates/NOSUCH").then().statusCode(404);
        RestAssured.get("/api/public/map/communities/NOSUCH").then().statusCode(404);
        RestAssured.given().queryParam("size", 100000).get("/api/public/map/communities").then().statusCode(400);
        as(op).body(Map.of("history", "x")).put("/api/communities/NOSUCH/map-profile").then().statusCode(404);
        as(op).body(Map.of("title", "t", "theme", "t", "communities", List.of("NOSUCH"))).post("/api/map/tours").then().statusCode(400);
        as(op).body(Map.of("code", "X1", "name", "n", "kind", "CIRCUS")).post("/api/institutions").then().statusCode(400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("every endpoint answers the probe's malformed input (NUL, too long, repeated keys, wrong types, missing fields, overflowing numbers, huge and deep bodies, wrong content types) with a 4xx problem, as every role and anonymously; no table changes")
    void everyEndpoint() {
        long before = rows();
        MalformedInputProbe probe = MalformedInputProbe.against(root)
                .pathValue("id", "00000000-0000-0000-0000-000000000000").pathValue("seq", "1").pathValue("code", "NOSUCH")
                .pathValue("person", "nobody").pathValue("scheme", "NOSUCH");
        for (String role : Roles.ALL) {
            probe.caller(role, TestTokens.user("probe-" + role).roles(role).communities("NOSUCH").district("510104").org("ORG01").sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[training] malformed input: " + result.summary());
        assertThat(result.operations()).isGreaterThan(15);
        assertThat(result.variants()).containsKeys("path %00", "json \\u0000", "json repeated key", "json too long",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it")
    void fieldLengths() {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("InstitutionRequest.code", "institution.code")
                .stores("InstitutionRequest.name", "institution.name")
                .notStored("InstitutionRequest.kind", "the name of an InstitutionKind, checked by the application")
                .stores("CourseRequest.code", "course.code")
                .stores("CourseRequest.institutionCode", "course.institution_code")
                .stores("CourseRequest.title", "course.title")
                .notStored("CourseRequest.kind", "the name of a CourseKind")
                .notStored("CourseRequest.delivery", "the name of a Delivery")
                .stores("CourseRequest.description", "course.description")
                .stores("VersionRequest.institutionCode", "course.institution_code")
                .stores("VersionRequest.title", "course.title")
                .notStored("VersionRequest.kind", "the name of a CourseKind")
                .notStored("VersionRequest.delivery", "the name of a Delivery")
                .stores("VersionRequest.description", "course.description")
                .stores("SessionRequest.courseCode", "training_session.course_code")
                .stores("SessionRequest.title", "training_session.title")
                .stores("SessionRequest.trainerId", "training_session.trainer_id")
                .stores("SessionRequest.place", "training_session.place")
                .stores("SessionRequest.onlineLink", "training_session.online_link")
                .stores("PersonRequest.personId", "enrolment.person_id", "learner.person_id")
                .stores("PersonRequest.displayName", "learner.display_name")
                .stores("PersonRequest.organisation", "learner.organisation")
                .stores("SelfMarkRequest.code", "self_mark_code.code")
                .stores("AssessmentRequest.personId", "assessment.person_id")
                .stores("AssessmentRequest.displayName", "learner.display_name")
                .stores("AssessmentRequest.organisation", "learner.organisation")
                .stores("EvidenceGrantRequest.personId", "certificate.person_id")
                .stores("EvidenceGrantRequest.holderName", "certificate.holder_name")
                .stores("EvidenceGrantRequest.holderOrganisation", "certificate.holder_organisation")
                .stores("EvidenceGrantRequest.evidence", "certificate_history.evidence")
                .stores("ReasonRequest.reason", "certificate.status_reason", "certificate_history.reason")
                .stores("ProfileRequest.history", "map_profile.history")
                .stores("ProfileRequest.culture", "map_profile.culture")
                .stores("ProfileRequest.specialities", "map_profile.specialities")
                .stores("ProfileRequest.resources", "map_profile.resources")
                .stores("ProfileRequest.pivotCategory", "map_profile.pivot_category")
                .stores("TourRequest.title", "study_tour.title")
                .stores("TourRequest.theme", "study_tour.theme")
                .check();
        assertThat(checked).isGreaterThan(25);
    }

    private long rows() {
        return TestPostgres.count("select count(*) from training_session") + TestPostgres.count("select count(*) from certificate")
                + TestPostgres.count("select count(*) from assessment") + TestPostgres.count("select count(*) from study_tour")
                + TestPostgres.count("select count(*) from institution");
    }
}

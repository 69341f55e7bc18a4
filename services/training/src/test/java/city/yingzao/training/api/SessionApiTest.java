package city.yingzao.training.api;

import city.yingzao.testing.TestPostgres;
import city.yingzao.training.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Sessions over the API: the waitlist, self-mark codes, completion over all scheduled meetings. */
@QuarkusTest
class SessionApiTest {

    final String trainer = Training.trainer("trainer-" + Training.unique("").toLowerCase());

    @Test
    @DisplayName("T3 waitlist: a full session waitlists in order; a withdrawal promotes the first waiting")
    void waitlist() {
        String session = Training.session(trainer, "ROBERTS-RULES", 2, 2);
        String p = Training.unique("p").toLowerCase();
        for (String who : List.of(p + "a", p + "b", p + "c", p + "d")) {
            as(Training.learner(who, "resident")).post("/api/sessions/" + session + "/enrolments").then().statusCode(201);
        }
        as(Training.learner(p + "a", "resident")).post("/api/sessions/" + session + "/enrolments").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:T3"));
        as(trainer).get("/api/sessions/" + session).then().statusCode(200)
                .body("enrolments.state", contains("SEATED", "SEATED", "WAITLISTED", "WAITLISTED"));
        as(Training.learner(p + "a", "resident")).delete("/api/sessions/" + session + "/enrolments/me").then().statusCode(200)
                .body("promoted", contains(p + "c"));
        as(trainer).delete("/api/sessions/" + session + "/enrolments/" + p + "b").then().statusCode(200).body("promoted", contains(p + "d"));
        as(Training.learner(p + "d", "resident")).get("/api/learners/me/enrolments").then().statusCode(200)
                .body("state", contains("SEATED"));
    }

    @Test
    @DisplayName("T3 self-mark: the code shown marks attendance once; reused, replaced or expired it is refused")
    void selfMark() {
        String session = Training.session(trainer, "MOBILISATION", 5, 3);
        String learner = Training.unique("sm").toLowerCase();
        String me = Training.learner(learner, "community-staff");
        as(me).post("/api/sessions/" + session + "/enrolments").then().statusCode(201);
        String code = as(trainer).post("/api/sessions/" + session + "/meetings/1/code").then().statusCode(200).extract().path("code");
        as(me).body(Map.of("code", code.toLowerCase())).post("/api/sessions/" + session + "/meetings/1/self-mark").then().statusCode(204);
        as(me).body(Map.of("code", code)).post("/api/sessions/" + session + "/meetings/1/self-mark").then().statusCode(422)
                .body("detail", containsString("already used"));
        as(me).body(Map.of("code", code)).post("/api/sessions/" + session + "/meetings/2/self-mark").then().statusCode(422);

        String old = as(trainer).post("/api/sessions/" + session + "/meetings/2/code").then().statusCode(200).extract().path("code");
        String fresh = as(trainer).post("/api/sessions/" + session + "/meetings/2/code").then().statusCode(200).extract().path("code");
        if (!old.equals(fresh)) {
            as(me).body(Map.of("code", old)).post("/api/sessions/" + session + "/meetings/2/self-mark").then().statusCode(422)
                    .body("detail", containsString("replaced"));
        }
        TestClock.advance(Duration.ofMinutes(11));
        as(me).body(Map.of("code", fresh)).post("/api/sessions/" + session + "/meetings/2/self-mark").then().statusCode(422)
                .body("detail", containsString("expired"));
        as(Training.learner("stranger-" + learner)).body(Map.of("code", fresh)).post("/api/sessions/" + session + "/meetings/2/self-mark")
                .then().statusCode(422).body("detail", containsString("no seat"));

        // 1 of 3 scheduled meetings attended: not complete (MOBILISATION needs 75%)
        as(me).get("/api/sessions/" + session + "/progress").then().statusCode(200)
                .body("attended", equalTo(1)).body("scheduledMeetings", equalTo(3)).body("complete", equalTo(false));
        as(trainer).post("/api/sessions/" + session + "/close").then().statusCode(200).body("[0].complete", equalTo(false));
        assertThat(TestPostgres.count("select count(*) from completion where person_id = ?", learner)).isZero();
        as(trainer).post("/api/sessions/" + session + "/close").then().statusCode(409);
    }

    @Test
    @DisplayName("T1 T2 catalogue: the seeded colleges and courses are public; a new course version keeps the code")
    void catalogue() {
        RestAssured.get("/api/public/institutions").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItems("村政学院", "社会组织学院", "城市社区学院"));
        RestAssured.get("/api/public/courses").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("CB-GENERAL", "LEADERS-CAMP", "FIELD-CAMP", "ROBERTS-RULES", "PRA-TOOLS",
                        "MOBILISATION", "ACTION-RESEARCH-CAMP", "PE-EVALUATOR", "SUPERVISOR"));
        String code = Training.unique("C");
        Map<String, Object> course = new java.util.HashMap<>(Map.of("code", code, "institutionCode", "SCU", "title", "参与式观察",
                "kind", "PROFESSIONAL", "delivery", "ONLINE", "hours", 6, "minAttendanceShare", 0.5, "prerequisites", List.of("CB-GENERAL")));
        as(trainer).body(course).post("/api/courses").then().statusCode(201).body("version", equalTo(1));
        as(trainer).body(course).post("/api/courses").then().statusCode(409);
        course.remove("code");
        course.put("hours", 8);
        as(Training.cityOperator()).body(course).post("/api/courses/" + code + "/versions").then().statusCode(201).body("version", equalTo(2));
        RestAssured.get("/api/public/courses/" + code).then().statusCode(200).body("hours", contains(6, 8));
        course.put("kind", "LECTURE");
        as(trainer).body(course).post("/api/courses/" + code + "/versions").then().statusCode(400);
        course.put("kind", "GENERAL");
        course.put("prerequisites", List.of(code));
        as(trainer).body(course).post("/api/courses/" + code + "/versions").then().statusCode(422).body("type", equalTo("urn:yingzao:problem:rule:T2"));
    }
}

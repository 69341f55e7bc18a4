package city.yingzao.systemtests;

import io.restassured.response.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The training service's API (services/training/README.md) as the chain test uses it. */
final class TrainingApi extends ServiceApi {

    static final String TRAINER = "trainer";

    TrainingApi(SystemUnderTest sut) {
        super(sut, sut.serviceUrl("training"));
    }

    /**
     * T3: a session of {@code course} held on {@code day} (two meetings), everyone enrolled by the city operator,
     * present at both, scored by the trainer, closed; answers the closed session's completions.
     */
    Response completedCohort(String course, String title, List<String> people, int score, LocalDate day) {
        List<Map<String, String>> meetings = List.of(
                Map.of("startsAt", day + "T01:00:00Z", "endsAt", day + "T04:00:00Z"),
                Map.of("startsAt", day + "T06:00:00Z", "endsAt", day + "T09:00:00Z"));
        String session = as("city-operator").body(Map.of("courseCode", course, "title", title, "trainerId", TRAINER,
                        "place", "成都市城市社区学院 302", "capacity", 40, "meetings", meetings))
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        as("city-operator").body(Map.of("people", people.stream()
                        .map(p -> Map.of("personId", p, "displayName", p.replace("chain-", "Chain "))).toList()))
                .post("/api/sessions/" + session + "/enrolments/batch").then().statusCode(200);
        for (int seq = 1; seq <= 2; seq++) {
            as(TRAINER).body(Map.of("personIds", people)).post("/api/sessions/" + session + "/meetings/" + seq + "/attendance")
                    .then().statusCode(200);
        }
        for (String p : people) {
            as(TRAINER).body(Map.of("score", score)).put("/api/sessions/" + session + "/scores/" + p).then().statusCode(204);
        }
        Response closed = as(TRAINER).post("/api/sessions/" + session + "/close");
        closed.then().statusCode(200);
        return closed;
    }

    Response assess(String scheme, String person, int score) {
        return as(TRAINER).body(Map.of("personId", person, "score", score)).post("/api/schemes/" + scheme + "/assessments");
    }

    Response learnerTranscript(String person) {
        return as("city-operator").get("/api/learners/" + person + "/transcript");
    }
}

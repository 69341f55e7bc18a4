package city.yingzao.training.api;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import city.yingzao.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/**
 * Test fixtures speaking the training service's languages: callers with tokens, sessions opened,
 * attended and closed over the API, and events of other services sent over the real broker with
 * CloudEvents headers. Codes and names are unique, so test classes sharing one database never collide.
 */
public final class Training {

    private Training() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static String cityOperator() {
        return TestTokens.user("city-operator").roles("city-operator").sign();
    }

    public static String auditor() {
        return TestTokens.user("auditor").roles("auditor").sign();
    }

    public static String trainer(String name) {
        return TestTokens.user(name).roles("trainer").sign();
    }

    public static String learner(String name, String... roles) {
        return TestTokens.user(name).roles(roles.length == 0 ? new String[] {"evaluator"} : roles).org("ORG-" + name).sign();
    }

    public static String staff(String community) {
        return TestTokens.user("staff-" + community).roles("community-staff").communities(community).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A session of a course with {@code meetings} scheduled meetings, opened by the trainer; returns its id. */
    public static String session(String trainerToken, String course, int capacity, int meetings) {
        List<Map<String, Object>> schedule = new ArrayList<>();
        Instant start = Instant.parse("2027-04-01T01:00:00Z");
        for (int i = 0; i < meetings; i++) {
            schedule.add(Map.of("startsAt", start.plus(Duration.ofDays(i)).toString(),
                    "endsAt", start.plus(Duration.ofDays(i)).plus(Duration.ofHours(3)).toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseCode", course);
        body.put("title", course + " cohort");
        body.put("place", "成都市城市社区学院 302");
        body.put("capacity", capacity);
        body.put("meetings", schedule);
        return as(trainerToken).body(body).post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    /** Learners enrol themselves, the trainer marks them at every meeting, scores them, and closes the session. */
    public static void completeCourse(String trainerToken, String course, int score, String... learners) {
        String session = session(trainerToken, course, 30, 2);
        for (String l : learners) {
            as(learner(l)).post("/api/sessions/" + session + "/enrolments").then().statusCode(201);
        }
        for (int seq = 1; seq <= 2; seq++) {
            as(trainerToken).body(Map.of("personIds", List.of(learners))).post("/api/sessions/" + session + "/meetings/" + seq + "/attendance")
                    .then().statusCode(200);
        }
        for (String l : learners) {
            as(trainerToken).body(Map.of("score", score)).put("/api/sessions/" + session + "/scores/" + l).then().statusCode(204);
        }
        as(trainerToken).post("/api/sessions/" + session + "/close").then().statusCode(200);
    }

    /** A community snapshot as the registry publishes it; waits until the replica holds it. */
    public static void community(String code, String district) {
        publish(new CommunitySnapshotV1(code, "社区 " + code, "URBAN", district, "MAIN_URBAN", district + "001", 800, 3, List.of(),
                List.of(), 1, Instant.now()), UUID.randomUUID());
        await(() -> TestPostgres.count("select count(*) from replica_community where code = ?", code) == 1, "community " + code);
    }

    /** Publishes through the real broker with the given CloudEvents id (a redelivery reuses it). */
    public static void publish(IntegrationEvent event, UUID eventId) {
        TestEvents.publish(event, eventId);
    }

    public static void await(BooleanSupplier condition, String what) {
        TestEvents.await(condition, what);
    }
}

package city.yingzao.training.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.testing.TestKafka;
import city.yingzao.testing.TestPostgres;
import city.yingzao.training.TestClock;
import city.yingzao.training.application.ExpiryJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The flow on real PostgreSQL and Kafka: courses, assessment, the certificate and its event, expiry once under a race. */
@QuarkusTest
class CertificationFlowTest {

    @Inject
    ExpiryJob expiry;

    @Test
    @DisplayName("T3 a learner takes the two courses and the assessment: certified, its event matches the schema; past expiry two racing job runs publish CertificationExpired once")
    void grantedThenExpiredOnce() throws Exception {
        String learner = "learner-" + Training.unique("").toLowerCase();
        String trainer = Training.trainer("trainer-flow");

        Training.completeCourse(trainer, "CB-GENERAL", 0, learner);
        JsonPath early = as(trainer).body(Map.of("personId", learner, "score", 88)).post("/api/schemes/PARTICIPATORY_EVALUATOR/assessments")
                .then().statusCode(201).body("certified", equalTo(false)).extract().jsonPath();
        assertThat(early.getList("missing.reason", String.class)).anySatisfy(r -> assertThat(r).contains("PE-EVALUATOR"));

        Training.completeCourse(trainer, "PE-EVALUATOR", 75, learner);
        JsonPath transcript = as(Training.learner(learner)).get("/api/learners/me/transcript").then().statusCode(200).extract().jsonPath();
        assertThat(transcript.getList("completions.courseCode", String.class)).contains("CB-GENERAL", "PE-EVALUATOR");
        String code = transcript.getString("certificates[0].code");
        assertThat(transcript.getString("certificates[0].standing")).isEqualTo("VALID");
        assertThat(transcript.getString("certificates[0].scheme")).isEqualTo("PARTICIPATORY_EVALUATOR");
        assertThat(transcript.getString("certificates[0].holderOrganisation")).isEqualTo("ORG-" + learner);

        List<ConsumerRecord<String, String>> granted = TestKafka.readUntil(Topics.TRAINING_CERTIFICATIONS, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> r.value().contains(code)));
        ConsumerRecord<String, String> event = granted.stream().filter(r -> r.value().contains(code)).findFirst().orElseThrow();
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.CERTIFICATION_GRANTED.ceType());
        assertThat(EventSchemas.violations(EventType.CERTIFICATION_GRANTED, event.value())).isEmpty();
        assertThat(event.key()).isEqualTo(learner);

        RestAssured.get("/api/public/certificates/" + code).then().statusCode(200)
                .body("standing", equalTo("VALID")).body("holderName", equalTo(learner)).body("scheme", equalTo("PARTICIPATORY_EVALUATOR"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("personId")));

        TestClock.advance(Duration.ofDays(24 * 31 + 1));
        RestAssured.get("/api/public/certificates/" + code).then().statusCode(200).body("standing", equalTo("EXPIRED"));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start));
        start.countDown();
        int expired = first.get() + second.get();
        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(expiry.run()).isZero();

        assertThat(TestPostgres.count("select count(*) from certificate where code = ? and status = 'EXPIRED'", code)).isEqualTo(1);
        assertThat(TestPostgres.count("select count(*) from certificate_history where certificate_code = ? and event = 'EXPIRED'", code))
                .isEqualTo(1);
        TestKafka.readUntil(Topics.TRAINING_CERTIFICATIONS, Duration.ofSeconds(30), rs -> expiredOf(rs, code).size() >= 1);
        Thread.sleep(1500);
        List<ConsumerRecord<String, String>> expiredEvents = expiredOf(TestKafka.readAll(Topics.TRAINING_CERTIFICATIONS), code);
        assertThat(expiredEvents).hasSize(1);
        assertThat(EventSchemas.violations(EventType.CERTIFICATION_EXPIRED, expiredEvents.get(0).value())).isEmpty();

        as(Training.learner(learner)).get("/api/learners/me/transcript").then().statusCode(200)
                .body("certificates.standing", hasItem("EXPIRED"));
    }

    @Test
    @DisplayName("T3 an assessment below the threshold does not certify; after a revocation only a new assessment certifies again")
    void thresholdAndRevocation() {
        String learner = "learner-" + Training.unique("").toLowerCase();
        String trainer = Training.trainer("trainer-flow");
        Training.completeCourse(trainer, "CB-GENERAL", 0, learner);
        Training.completeCourse(trainer, "SUPERVISOR", 90, learner);
        as(trainer).body(Map.of("personId", learner, "score", 74)).post("/api/schemes/SUPERVISOR/assessments")
                .then().statusCode(201).body("certified", equalTo(false)).body("missing[0].reason", org.hamcrest.Matchers.containsString("threshold 75"));
        as(trainer).body(Map.of("personId", learner, "score", 80)).post("/api/schemes/SUPERVISOR/assessments")
                .then().statusCode(201).body("certified", equalTo(true));
        String code = as(Training.cityOperator()).get("/api/learners/" + learner + "/transcript").then().statusCode(200)
                .extract().path("certificates[0].code");

        as(Training.cityOperator()).body(Map.of("reason", "")).post("/api/certificates/" + code + "/revoke").then().statusCode(400);
        as(Training.cityOperator()).body(Map.of("reason", "伪造督导记录")).post("/api/certificates/" + code + "/revoke").then().statusCode(200)
                .body("standing", equalTo("REVOKED")).body("history.event", org.hamcrest.Matchers.contains("GRANTED", "REVOKED"));
        RestAssured.get("/api/public/certificates/" + code).then().statusCode(200).body("standing", equalTo("REVOKED"));
        as(Training.cityOperator()).body(Map.of("reason", "again")).post("/api/certificates/" + code + "/revoke").then().statusCode(422)
                .body("type", equalTo("urn:yingzao:problem:rule:T3"));

        // a later session close re-evaluates: the old assessment no longer certifies
        Training.completeCourse(trainer, "SUPERVISOR", 90, learner);
        assertThat(TestPostgres.count("select count(*) from certificate where person_id = ? and status = 'ACTIVE'", learner)).isZero();
        as(trainer).body(Map.of("personId", learner, "score", 81)).post("/api/schemes/SUPERVISOR/assessments")
                .then().statusCode(201).body("certified", equalTo(true));
    }

    private int await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return expiry.run();
    }

    private static List<ConsumerRecord<String, String>> expiredOf(List<ConsumerRecord<String, String>> records, String code) {
        return records.stream().filter(r -> r.value().contains(code)
                && EventType.CERTIFICATION_EXPIRED.ceType().equals(TestKafka.header(r, CloudEventHeaders.TYPE))).toList();
    }
}

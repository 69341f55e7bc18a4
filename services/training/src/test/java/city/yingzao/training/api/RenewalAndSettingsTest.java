package city.yingzao.training.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventSchemas;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.testing.TestKafka;
import city.yingzao.training.TestClock;
import city.yingzao.training.domain.CertificationScheme;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Renewal by the refresher course within the window, over the API and Kafka; the scheme numbers as audited operator settings. */
@QuarkusTest
class RenewalAndSettingsTest {

    @Test
    @DisplayName("T3 recertification: the refresher completed within the window renews the certificate (same code, history kept, CertificationRenewed published)")
    void refresherRenews() {
        String person = "renewer-" + Training.unique("").toLowerCase();
        Instant from = TestClock.now().atZone(CertificationScheme.CHENGDU).minusMonths(24).plusDays(30).toInstant();
        JsonPath granted = as(Training.cityOperator()).body(Map.of("personId", person, "holderName", "陈一", "evidence", "纸质证书",
                "validFrom", from.toString())).post("/api/schemes/PARTICIPATORY_EVALUATOR/grants").then().statusCode(201).extract().jsonPath();
        String code = granted.getString("code");
        Instant oldUntil = Instant.parse(granted.getString("validUntil"));
        assertThat(Duration.between(TestClock.now(), oldUntil).toDays()).isBetween(29L, 30L);

        Training.completeCourse(Training.trainer("trainer-renewal"), "PE-REFRESHER", 0, person);

        JsonPath renewed = as(Training.learner(person)).get("/api/certificates/" + code).then().statusCode(200)
                .body("history.event", contains("GRANTED", "RENEWED")).body("standing", equalTo("VALID")).extract().jsonPath();
        assertThat(Instant.parse(renewed.getString("validUntil")).truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(oldUntil.atZone(CertificationScheme.CHENGDU).plusMonths(24).toInstant().truncatedTo(ChronoUnit.MILLIS));
        assertThat(renewed.getList("history.validUntil", String.class).get(0)).isNotEqualTo(renewed.getString("validUntil"));

        List<ConsumerRecord<String, String>> records = TestKafka.readUntil(Topics.TRAINING_CERTIFICATIONS, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> r.value().contains(code) && isRenewal(r)));
        ConsumerRecord<String, String> event = records.stream().filter(r -> r.value().contains(code) && isRenewal(r)).findFirst().orElseThrow();
        assertThat(EventSchemas.violations(EventType.CERTIFICATION_RENEWED, event.value())).isEmpty();
    }

    @Test
    @DisplayName("T3 the scheme's numbers are audited operator settings; the value in force when granted is frozen onto the certificate")
    void settingsFrozenOntoCertificate() {
        String key = "certification.supervisor.validity-months";
        String op = Training.cityOperator();
        as(Training.auditor()).body(Map.of("value", "12", "reason", "x")).put("/api/settings/" + key).then().statusCode(403);
        as(op).body(Map.of("value", "0", "reason", "x")).put("/api/settings/" + key).then().statusCode(400);
        as(op).body(Map.of("value", "12", "reason", "试点一年期")).put("/api/settings/" + key).then().statusCode(200);
        try {
            Instant from = TestClock.now().minus(Duration.ofDays(1));
            String until = as(op).body(Map.of("personId", "short-" + Training.unique("").toLowerCase(), "holderName", "周二", "evidence", "e",
                    "validFrom", from.toString())).post("/api/schemes/SUPERVISOR/grants").then().statusCode(201).extract().path("validUntil");
            assertThat(Instant.parse(until).truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(from.atZone(CertificationScheme.CHENGDU).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MILLIS));
            as(op).get("/api/settings/" + key + "/history").then().statusCode(200).body("[0].newValue", equalTo("12"))
                    .body("[0].reason", equalTo("试点一年期"));
        } finally {
            as(op).body(Map.of("value", "36", "reason", "restore")).put("/api/settings/" + key).then().statusCode(200);
        }
    }

    private static boolean isRenewal(ConsumerRecord<String, String> r) {
        return EventType.CERTIFICATION_RENEWED.ceType().equals(TestKafka.header(r, CloudEventHeaders.TYPE));
    }
}

package city.yingzao.certificates;

import city.yingzao.certificates.application.Certificates;
import city.yingzao.certificates.domain.CertificateStatus;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.contracts.EventJson;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;
import city.yingzao.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@DisplayName("The certificates copy keeps each certificate in the state training's latest event left it")
class CertificatesCopyTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final String EVALUATOR = Certificates.PARTICIPATORY_EVALUATOR;

    @Inject
    Certificates certificates;

    static String person() {
        return "evaluator-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String code() {
        return "CERT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String publish(CertificationEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    static void publish(CertificationEvent event, String id) {
        TestKafka.send(Topics.TRAINING_CERTIFICATIONS, event.recordKey(), EventJson.write(event), Map.of("ce_id", id,
                "ce_type", EventType.of(event.getClass()).ceType(), "ce_subject", event.partitionKey(),
                "ce_specversion", "1.0", "ce_source", "/yingzao/training"));
    }

    static Instant at(int minute) {
        return NOW.plusSeconds(60L * minute);
    }

    CertificateStatus statusOf(String person, String code) {
        return certificates.of(person).stream().filter(c -> c.code().equals(code)).map(HeldCertificate::status)
                .findFirst().orElse(null);
    }

    @Test
    @DisplayName("E2 granted, suspended, reinstated: the holder is certified, then not, then again")
    void grantSuspendReinstate() {
        String person = person();
        String code = code();
        publish(new CertificationGrantedV1(code, person, "Evaluator", "ORG-SW-01", EVALUATOR, FROM, UNTIL, at(0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> certificates.current(person, EVALUATOR, NOW).isPresent());
        assertThat(certificates.current(person, EVALUATOR, NOW).orElseThrow().holderOrganisation()).isEqualTo("ORG-SW-01");

        publish(new CertificationSuspendedV1(code, person, "Evaluator", "ORG-SW-01", EVALUATOR, FROM, UNTIL, "complaint", at(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(person, code) == CertificateStatus.SUSPENDED);
        assertThat(certificates.check("E2", person, EVALUATOR, NOW, NOW)).map(r -> r.reason()).hasValueSatisfying(
                r -> assertThat(r).endsWith("is suspended"));

        publish(new CertificationReinstatedV1(code, person, "Evaluator", "ORG-SW-01", EVALUATOR, FROM, UNTIL, at(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(person, code) == CertificateStatus.CURRENT);
    }

    @Test
    @DisplayName("E2 a revoked certificate stays revoked, whatever arrives after it")
    void revokedStaysRevoked() {
        String person = person();
        String code = code();
        publish(new CertificationGrantedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(0)));
        publish(new CertificationRevokedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, "copied assessment", at(1)));
        publish(new CertificationReinstatedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(2)));
        String marker = person();
        publish(new CertificationGrantedV1(code(), marker, "Marker", null, EVALUATOR, FROM, UNTIL, at(3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> certificates.current(marker, EVALUATOR, NOW).isPresent());
        assertThat(statusOf(person, code)).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    @DisplayName("E2 an older event redelivered after a newer one changes nothing; the same event id twice is applied once")
    void olderEventAndDuplicateChangeNothing() {
        String person = person();
        String code = code();
        String granted = publish(new CertificationGrantedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(0)));
        publish(new CertificationExpiredV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(person, code) == CertificateStatus.EXPIRED);

        publish(new CertificationGrantedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(0)), granted);
        publish(new CertificationGrantedV1(code, person, "Evaluator", null, EVALUATOR, FROM, UNTIL, at(1)));
        String marker = person();
        publish(new CertificationGrantedV1(code(), marker, "Marker", null, EVALUATOR, FROM, UNTIL, at(6)));

        await().atMost(Duration.ofSeconds(30)).until(() -> certificates.current(marker, EVALUATOR, NOW).isPresent());
        assertThat(statusOf(person, code)).isEqualTo(CertificateStatus.EXPIRED);
    }

    @Test
    @DisplayName("E2 the pool holds everyone certified through the end of the work, once each")
    void pool() {
        String lasting = person();
        String shortLived = person();
        publish(new CertificationGrantedV1(code(), lasting, "Lasting", null, EVALUATOR, FROM, UNTIL, at(0)));
        publish(new CertificationGrantedV1(code(), lasting, "Lasting", null, EVALUATOR, FROM, UNTIL.plusSeconds(86_400), at(1)));
        publish(new CertificationGrantedV1(code(), shortLived, "Short", null, EVALUATOR, FROM,
                Instant.parse("2027-01-01T00:00:00Z"), at(0)));

        await().atMost(Duration.ofSeconds(30)).until(() -> certificates.current(shortLived, EVALUATOR, NOW).isPresent()
                && certificates.of(lasting).size() == 2);
        assertThat(certificates.pool(EVALUATOR, NOW, Instant.parse("2027-06-30T00:00:00Z")))
                .extracting(HeldCertificate::personId).contains(lasting).doesNotContain(shortLived)
                .filteredOn(lasting::equals).hasSize(1);
    }

    @Test
    @DisplayName("the service is ready once its copy caught up to the topic's end offsets at start")
    void readyOnceCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200).body("checks.name", hasItem("training-certifications")));
    }
}

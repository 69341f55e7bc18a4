package city.yingzao.certificates;

import city.yingzao.certificates.application.Certificates;
import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRenewedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;
import city.yingzao.testing.Redelivered;
import city.yingzao.testing.TestEvents;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static city.yingzao.contracts.EventType.CERTIFICATION_EXPIRED;
import static city.yingzao.contracts.EventType.CERTIFICATION_GRANTED;
import static city.yingzao.contracts.EventType.CERTIFICATION_REINSTATED;
import static city.yingzao.contracts.EventType.CERTIFICATION_RENEWED;
import static city.yingzao.contracts.EventType.CERTIFICATION_REVOKED;
import static city.yingzao.contracts.EventType.CERTIFICATION_SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 4: each of training's six certification event types delivered twice under the same
 * {@code ce_id}, then an older event of the same certificate arriving after it (a dead-letter replay,
 * or a person's events from before a partition move): the copy holds one row in the state the newest
 * event left it, and the inbox holds each id once. Grants and evaluation both consume through this copy.
 */
@QuarkusTest
@Redelivered({CERTIFICATION_GRANTED, CERTIFICATION_RENEWED, CERTIFICATION_EXPIRED, CERTIFICATION_SUSPENDED,
        CERTIFICATION_REINSTATED, CERTIFICATION_REVOKED})
@DisplayName("Duplicate and out-of-order redelivery of every certification event changes the copy once")
class DuplicateRedeliveryTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    static final Instant RENEWED_UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final String SCHEME = Certificates.PARTICIPATORY_EVALUATOR;

    @Test
    @DisplayName("E2 CertificationGranted twice, then an older grant of the same certificate: one current row, the newest validity")
    void granted() {
        Certificate c = new Certificate();
        UUID twice = UUID.randomUUID();
        TestEvents.publish(c.granted(T2, RENEWED_UNTIL), twice);
        TestEvents.publish(c.granted(T2, RENEWED_UNTIL), twice);
        UUID late = c.publish(c.granted(T1, UNTIL));

        c.awaitProcessed(twice, late);
        c.assertOnce("CURRENT", T2, RENEWED_UNTIL, twice, late);
    }

    @Test
    @DisplayName("E2 CertificationRenewed twice, then the older expiry: one current row valid until the renewal's date")
    void renewed() {
        Certificate c = new Certificate();
        UUID granted = c.publish(c.granted(T0, UNTIL));
        UUID twice = UUID.randomUUID();
        TestEvents.publish(c.renewed(T2), twice);
        TestEvents.publish(c.renewed(T2), twice);
        UUID late = c.publish(new CertificationExpiredV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T1));

        c.awaitProcessed(granted, twice, late);
        c.assertOnce("CURRENT", T2, RENEWED_UNTIL, granted, twice, late);
    }

    @Test
    @DisplayName("E2 CertificationExpired twice, then the older grant: one expired row")
    void expired() {
        Certificate c = new Certificate();
        UUID granted = c.publish(c.granted(T0, UNTIL));
        UUID twice = UUID.randomUUID();
        TestEvents.publish(new CertificationExpiredV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T2), twice);
        TestEvents.publish(new CertificationExpiredV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T2), twice);
        UUID late = c.publish(c.granted(T1, UNTIL));

        c.awaitProcessed(granted, twice, late);
        c.assertOnce("EXPIRED", T2, UNTIL, granted, twice, late);
    }

    @Test
    @DisplayName("E2 CertificationSuspended twice, then the older grant: one suspended row")
    void suspended() {
        Certificate c = new Certificate();
        UUID granted = c.publish(c.granted(T0, UNTIL));
        UUID twice = UUID.randomUUID();
        TestEvents.publish(c.suspended(T2), twice);
        TestEvents.publish(c.suspended(T2), twice);
        UUID late = c.publish(c.granted(T1, UNTIL));

        c.awaitProcessed(granted, twice, late);
        c.assertOnce("SUSPENDED", T2, UNTIL, granted, twice, late);
    }

    @Test
    @DisplayName("E2 CertificationReinstated twice, then the older suspension: one current row")
    void reinstated() {
        Certificate c = new Certificate();
        UUID granted = c.publish(c.granted(T0, UNTIL));
        UUID twice = UUID.randomUUID();
        TestEvents.publish(new CertificationReinstatedV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T2), twice);
        TestEvents.publish(new CertificationReinstatedV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T2), twice);
        UUID late = c.publish(c.suspended(T1));

        c.awaitProcessed(granted, twice, late);
        c.assertOnce("CURRENT", T2, UNTIL, granted, twice, late);
    }

    @Test
    @DisplayName("E2 CertificationRevoked twice, then the older grant and a newer reinstatement: one revoked row, for good")
    void revoked() {
        Certificate c = new Certificate();
        UUID granted = c.publish(c.granted(T0, UNTIL));
        UUID twice = UUID.randomUUID();
        TestEvents.publish(new CertificationRevokedV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, "copied", T1), twice);
        TestEvents.publish(new CertificationRevokedV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, "copied", T1), twice);
        UUID late = c.publish(c.granted(T0.plusSeconds(30), UNTIL));
        UUID after = c.publish(new CertificationReinstatedV1(c.code, c.person, "Evaluator", null, SCHEME, FROM, UNTIL, T2));

        c.awaitProcessed(granted, twice, late, after);
        c.assertOnce("REVOKED", T1, UNTIL, granted, twice, late, after);
    }

    /** One person's certificate, its events and what the copy holds of it. */
    static final class Certificate {
        final String person = "evaluator-" + UUID.randomUUID().toString().substring(0, 8);
        final String code = "CERT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        CertificationGrantedV1 granted(Instant at, Instant until) {
            return new CertificationGrantedV1(code, person, "Evaluator", null, SCHEME, FROM, until, at);
        }

        CertificationRenewedV1 renewed(Instant at) {
            return new CertificationRenewedV1(code, person, "Evaluator", null, SCHEME, FROM, RENEWED_UNTIL, at);
        }

        CertificationSuspendedV1 suspended(Instant at) {
            return new CertificationSuspendedV1(code, person, "Evaluator", null, SCHEME, FROM, UNTIL, "complaint", at);
        }

        UUID publish(CertificationEvent event) {
            UUID id = UUID.randomUUID();
            TestEvents.publish(event, id);
            return id;
        }

        /** Every id recorded: one person's events share a partition, so the duplicate was read before the last of them. */
        void awaitProcessed(UUID... ids) {
            String[] texts = java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new);
            TestEvents.await(() -> TestPostgres.count("select count(*) from processed_event where event_id = any(?::uuid[])",
                    (Object) texts) == ids.length, "the deliveries of " + code);
        }

        void assertOnce(String status, Instant lastEventAt, Instant validUntil, UUID... ids) {
            assertThat(TestPostgres.count("select count(*) from certificate_copy where certificate_code = ?", code)).isEqualTo(1);
            assertThat(TestPostgres.count("select count(*) from certificate_copy where certificate_code = ? and status = ?"
                    + " and last_event_at = ? and valid_until = ?", code, status, lastEventAt.atOffset(ZoneOffset.UTC), validUntil.atOffset(ZoneOffset.UTC)))
                    .as("%s in state %s since %s, valid until %s", code, status, lastEventAt, validUntil).isEqualTo(1);
            for (UUID id : ids) {
                assertThat(TestPostgres.count("select count(*) from processed_event where event_id = ?", id)).isEqualTo(1);
            }
        }
    }
}

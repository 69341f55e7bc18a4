package city.yingzao.training.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC);
    static final SchemeTerms TERMS = new SchemeTerms(24, 90, 70);
    static final CertificationScheme EVALUATOR = new CertificationScheme("PARTICIPATORY_EVALUATOR", "参与式评估师",
            List.of(new CourseRequirement("CB-GENERAL", 1), new CourseRequirement("PE-EVALUATOR", 2)), "PE-REFRESHER");

    final Instant now = CLOCK.instant();

    @Test
    @DisplayName("T3 grant: the general course, the evaluator course (version 2 on) and an assessment at the threshold, taken after any earlier certificate ended")
    void requirements() {
        List<Completion> both = List.of(new Completion("CB-GENERAL", 1, now), new Completion("PE-EVALUATOR", 2, now));
        assertThat(EVALUATOR.missing(both, 70, TERMS)).isEmpty();
        assertThat(EVALUATOR.missing(both, 69, TERMS)).singleElement().satisfies(r -> assertThat(r.reason()).contains("below the threshold 70"));
        assertThat(EVALUATOR.missing(both, null, TERMS)).hasSize(1);
        List<Completion> oldVersion = List.of(new Completion("CB-GENERAL", 1, now), new Completion("PE-EVALUATOR", 1, now));
        Instant ended = now.plus(Duration.ofDays(800));
        assertThat(EVALUATOR.missing(both, 90, now, ended, TERMS)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("since the previous certificate ended"));
        assertThat(EVALUATOR.missing(both, 90, ended.plusSeconds(1), ended, TERMS)).isEmpty();
        assertThat(EVALUATOR.missing(oldVersion, 90, TERMS)).singleElement().satisfies(r -> assertThat(r.reason()).contains("PE-EVALUATOR"));
    }

    @Test
    @DisplayName("T3 expiry: valid until validity months later (Chengdu calendar), expired from that instant, even before the job runs")
    void expiry() {
        Instant until = CertificationScheme.validUntil(now, TERMS);
        assertThat(until).isEqualTo(Instant.parse("2029-03-01T02:00:00Z"));
        Certificate c = new Certificate("C1", "evaluator", EVALUATOR.code(), now, until, CertificateStatus.ACTIVE, 90);
        assertThat(c.standing(until.minusSeconds(1))).isEqualTo(Certificate.Standing.VALID);
        assertThat(c.standing(until)).isEqualTo(Certificate.Standing.EXPIRED);
        assertThat(c.dueToExpire(until.minusSeconds(1))).isFalse();
        assertThat(c.dueToExpire(until)).isTrue();
        assertThat(c.with(CertificateStatus.EXPIRED).dueToExpire(until.plusSeconds(10))).isFalse();
    }

    @Test
    @DisplayName("T3 recertification window: renewal only within the window before expiry; the new period adds a full validity to the old end")
    void recertificationWindow() {
        Instant until = CertificationScheme.validUntil(now, TERMS);
        Certificate c = new Certificate("C1", "evaluator", EVALUATOR.code(), now, until, CertificateStatus.ACTIVE, 90);
        assertThat(c.windowOpens()).isEqualTo(until.minus(Duration.ofDays(90)));
        assertThat(c.renewalRefusal(until.minus(Duration.ofDays(91)))).get().satisfies(r -> assertThat(r.reason()).contains("window opens"));
        assertThat(c.renewalRefusal(until.minus(Duration.ofDays(89)))).isEmpty();
        assertThat(c.renewalRefusal(until)).get().satisfies(r -> assertThat(r.reason()).contains("granted anew"));

        Instant renewedAt = until.minus(Duration.ofDays(30));
        Certificate renewed = c.renewed(renewedAt, TERMS);
        assertThat(renewed.code()).isEqualTo("C1");
        assertThat(renewed.validFrom()).isEqualTo(renewedAt);
        assertThat(renewed.validUntil()).isEqualTo(Instant.parse("2031-03-01T02:00:00Z"));
    }

    @Test
    @DisplayName("T3 revocation: needs a reason, is final; suspension only of a valid certificate, reinstated only when suspended")
    void revocationAndSuspension() {
        Certificate c = new Certificate("C1", "evaluator", EVALUATOR.code(), now, CertificationScheme.validUntil(now, TERMS),
                CertificateStatus.ACTIVE, 90);
        assertThat(c.revocationRefusal(" ")).isPresent();
        assertThat(c.revocationRefusal("伪造评估记录")).isEmpty();
        Certificate revoked = c.with(CertificateStatus.REVOKED);
        assertThat(revoked.standing(now)).isEqualTo(Certificate.Standing.REVOKED);
        assertThat(revoked.revocationRefusal("again")).isPresent();
        assertThat(revoked.renewalRefusal(now)).isPresent();

        assertThat(c.suspensionRefusal(now)).isEmpty();
        Certificate suspended = c.with(CertificateStatus.SUSPENDED);
        assertThat(suspended.standing(now)).isEqualTo(Certificate.Standing.SUSPENDED);
        assertThat(suspended.suspensionRefusal(now)).isPresent();
        assertThat(suspended.reinstatementRefusal(now)).isEmpty();
        assertThat(c.reinstatementRefusal(now)).isPresent();
        assertThat(suspended.renewalRefusal(now)).isPresent();
    }

    @Test
    @DisplayName("T4 map coordinates: both or neither, within range")
    void coordinates() {
        assertThat(MapProfile.coordinatesRefusal(30.66, 104.06)).isEmpty();
        assertThat(MapProfile.coordinatesRefusal(null, null)).isEmpty();
        assertThat(MapProfile.coordinatesRefusal(30.66, null)).isPresent();
        assertThat(MapProfile.coordinatesRefusal(91.0, 104.0)).isPresent();
    }
}

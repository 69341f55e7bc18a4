package city.yingzao.certificates;

import city.yingzao.certificates.domain.CertificateRequirement;
import city.yingzao.certificates.domain.CertificateStatus;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("E2 / G5: work that needs a certificate goes only to people certified until it ends")
class CertificateRequirementTest {

    static final Instant GRANTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final Instant WORK_ENDS = Instant.parse("2027-06-30T16:00:00Z");

    static HeldCertificate evaluatorCertificate(CertificateStatus status, Instant validUntil) {
        return new HeldCertificate("CERT-PE-0001", "evaluator", "Evaluator Demo", null, "PARTICIPATORY_EVALUATOR",
                GRANTED, validUntil, status);
    }

    static Optional<Rejection> check(List<HeldCertificate> held) {
        return CertificateRequirement.check("E2", "evaluator", "PARTICIPATORY_EVALUATOR", held, NOW, WORK_ENDS);
    }

    @Test
    @DisplayName("E2 a current certificate lasting past the end of the work: assignable")
    void currentCertificate() {
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.CURRENT, UNTIL)))).isEmpty();
    }

    @Test
    @DisplayName("E2 no certificate of the scheme (a supervisor's does not count): refused")
    void missing() {
        HeldCertificate supervisor = new HeldCertificate("CERT-SV-0001", "evaluator", "Evaluator Demo", null, "SUPERVISOR",
                GRANTED, UNTIL, CertificateStatus.CURRENT);

        assertThat(check(List.of(supervisor))).contains(new Rejection("E2",
                "evaluator holds no PARTICIPATORY_EVALUATOR certificate"));
    }

    @Test
    @DisplayName("E2 a certificate the expiry job has marked expired: refused, naming the day")
    void expired() {
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.EXPIRED, Instant.parse("2026-11-30T16:00:00Z")))))
                .map(Rejection::message).contains("E2: evaluator's PARTICIPATORY_EVALUATOR certificate CERT-PE-0001 expired on 2026-12-01");
    }

    @Test
    @DisplayName("E2 a certificate past its end whose expiry event has not arrived yet: refused all the same")
    void pastItsEndBeforeTheExpiryEvent() {
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.CURRENT, Instant.parse("2026-11-30T16:00:00Z")))))
                .map(Rejection::reason).hasValueSatisfying(r -> assertThat(r).endsWith("expired on 2026-12-01"));
    }

    @Test
    @DisplayName("E2 a suspended or revoked certificate: refused, saying which")
    void suspendedOrRevoked() {
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.SUSPENDED, UNTIL))))
                .map(Rejection::reason).hasValueSatisfying(r -> assertThat(r).endsWith("is suspended"));
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.REVOKED, UNTIL))))
                .map(Rejection::reason).hasValueSatisfying(r -> assertThat(r).endsWith("is revoked"));
    }

    @Test
    @DisplayName("E2 a certificate that expires before the work (and its appeal window) ends: refused, naming both days")
    void expiresBeforeTheWorkEnds() {
        assertThat(check(List.of(evaluatorCertificate(CertificateStatus.CURRENT, Instant.parse("2027-03-31T16:00:00Z")))))
                .map(Rejection::message).contains("E2: evaluator's PARTICIPATORY_EVALUATOR certificate CERT-PE-0001 is valid "
                        + "until 2027-04-01, before the work ends on 2027-07-01");
    }

    @Test
    @DisplayName("G5 an old expired certificate does not hide a renewed one: the valid one counts, under the caller's rule")
    void renewedCertificateCounts() {
        HeldCertificate old = new HeldCertificate("CERT-SV-0001", "supervisor", "Supervisor Demo", null, "SUPERVISOR",
                Instant.parse("2024-01-01T00:00:00Z"), GRANTED, CertificateStatus.EXPIRED);
        HeldCertificate renewed = new HeldCertificate("CERT-SV-0002", "supervisor", "Supervisor Demo", null, "SUPERVISOR",
                GRANTED, UNTIL, CertificateStatus.CURRENT);

        assertThat(CertificateRequirement.check("G5", "supervisor", "SUPERVISOR", List.of(old, renewed), NOW, WORK_ENDS)).isEmpty();
        assertThat(CertificateRequirement.check("G5", "supervisor", "SUPERVISOR", List.of(old), NOW, WORK_ENDS))
                .map(Rejection::rule).contains("G5");
    }
}

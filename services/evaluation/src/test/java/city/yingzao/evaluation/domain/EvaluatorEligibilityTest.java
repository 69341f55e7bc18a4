package city.yingzao.evaluation.domain;

import city.yingzao.certificates.domain.CertificateRequirement;
import city.yingzao.certificates.domain.CertificateStatus;
import city.yingzao.certificates.domain.HeldCertificate;
import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** E2 and E3 with a fixed clock: 2027-03-01 10:00 Shanghai. */
class EvaluatorEligibilityTest {

    static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");
    /** The evaluation window closes on 2027-03-30; with 7 appeal days the certificate must hold until 2027-04-07 00:00 Shanghai. */
    static final Instant MUST_HOLD = new AppealWindow(7).closesAfterDay(LocalDate.of(2027, 3, 30));

    static final String SCHEME = "PARTICIPATORY_EVALUATOR";

    static List<HeldCertificate> cert(CertificateStatus status, Instant until) {
        return List.of(new HeldCertificate("CERT-1", "eva", "评估员", "ORG-E", SCHEME, NOW.minus(Duration.ofDays(100)), until, status));
    }

    static Optional<Rejection> check(List<HeldCertificate> held) {
        return CertificateRequirement.check("E2", "eva", SCHEME, held, NOW, MUST_HOLD);
    }

    @Test
    @DisplayName("E2 the certificate must hold until the evaluation window plus the appeal window end (2027-04-07 00:00 Shanghai)")
    void mustHold() {
        assertThat(MUST_HOLD).isEqualTo(Instant.parse("2027-04-06T16:00:00Z"));
        assertThat(check(cert(CertificateStatus.CURRENT, MUST_HOLD))).isEmpty();
        assertThat(check(cert(CertificateStatus.CURRENT, MUST_HOLD.minusSeconds(1)))).get()
                .extracting(Rejection::rule, Rejection::reason).containsExactly("E2",
                        "eva's PARTICIPATORY_EVALUATOR certificate CERT-1 is valid until 2027-04-06, before the work ends on 2027-04-07");
    }

    @Test
    @DisplayName("E2 missing, expired, suspended, revoked and not-yet-valid certificates are refused; another scheme does not count")
    void refused() {
        Instant later = NOW.plus(Duration.ofDays(400));
        assertThat(check(List.of())).get().extracting(Rejection::reason).isEqualTo("eva holds no PARTICIPATORY_EVALUATOR certificate");
        assertThat(check(List.of(new HeldCertificate("S-1", "eva", "x", null, "SUPERVISOR", NOW.minus(Duration.ofDays(1)), later,
                CertificateStatus.CURRENT)))).isPresent();
        assertThat(check(cert(CertificateStatus.CURRENT, NOW))).get().extracting(Rejection::reason).asString().contains("expired");
        assertThat(check(cert(CertificateStatus.EXPIRED, later))).get().extracting(Rejection::reason).asString().contains("expired");
        assertThat(check(cert(CertificateStatus.SUSPENDED, later))).get().extracting(Rejection::reason).asString().contains("suspended");
        assertThat(check(cert(CertificateStatus.REVOKED, later))).get().extracting(Rejection::reason).asString().contains("revoked");
        assertThat(check(List.of(new HeldCertificate("F-1", "eva", "x", null, SCHEME, NOW.plusSeconds(60), later,
                CertificateStatus.CURRENT)))).get().extracting(Rejection::reason).asString().contains("valid only from");
    }

    @Test
    @DisplayName("E3 an evaluator of the evaluated organisation, a reviewer of the application, a supervision team member are refused")
    void conflicts() {
        ProjectParties project = new ProjectParties("ORG-P", List.of("rev-1", "rev-2"), List.of("sup-1", "lead-1"));
        assertThat(ConflictPolicy.check("eva", "ORG-E", project)).isEmpty();
        assertThat(ConflictPolicy.check("eva", null, project)).isEmpty();
        assertThat(ConflictPolicy.check("eva", "ORG-P", project)).extracting(Rejection::rule, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E3", "eva belongs to ORG-P, the organisation being evaluated"));
        assertThat(ConflictPolicy.check("rev-2", "ORG-E", project)).extracting(Rejection::reason)
                .containsExactly("rev-2 reviewed this project's application in its call");
        assertThat(ConflictPolicy.check("sup-1", "ORG-P", project)).hasSize(2);
    }

    @Test
    @DisplayName("E3 workload balanced: the least-loaded eligible evaluators are chosen first, ties by id")
    void workload() {
        List<WorkloadBalance.Candidate> pool = List.of(new WorkloadBalance.Candidate("c", 1), new WorkloadBalance.Candidate("a", 3),
                new WorkloadBalance.Candidate("b", 1), new WorkloadBalance.Candidate("d", 0));
        assertThat(WorkloadBalance.choose(pool, 3)).containsExactly("d", "b", "c");
        assertThat(WorkloadBalance.choose(pool, 9)).hasSize(4);
    }
}

package city.yingzao.grants.domain;

import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrancheAndSupervisionTest {

    @Test
    @DisplayName("G4 passing: 40/40/20 in fen adds up exactly; the last tranche takes the remainder")
    void split() {
        List<TranchePlan> plan = Tranches.parse("40/40/20");
        assertThat(plan).extracting(TranchePlan::condition).containsExactly(ReleaseCondition.AGREEMENT_SIGNED,
                ReleaseCondition.MID_TERM_PASSED, ReleaseCondition.FINAL_PASSED);
        assertThat(Tranches.split(10_000_000, plan)).containsExactly(4_000_000L, 4_000_000L, 2_000_000L);
        assertThat(Tranches.split(100_001, plan)).containsExactly(40_000L, 40_000L, 20_001L);
        assertThat(Tranches.split(1, plan)).containsExactly(0L, 0L, 1L);
        for (long award = 0; award < 5_000; award += 7) {
            assertThat(Tranches.split(award, Tranches.parse("33/33/34")).stream().mapToLong(Long::longValue).sum()).isEqualTo(award);
        }
    }

    @Test
    @DisplayName("G4 failing: a split that does not add up to 100% is refused")
    void plan() {
        assertThat(Tranches.checkSplit("40/40/20")).isEmpty();
        assertThat(Tranches.checkSplit("40/40/10")).hasValueSatisfying(r -> assertThat(r).contains("90%"));
        assertThat(Tranches.checkSplit("40/x")).isPresent();
        assertThat(Tranches.checkSplit("0/100")).isPresent();
    }

    @Test
    @DisplayName("G4 passing: a passed evaluation of the tranche's kind releases it, only after the earlier tranche")
    void release() {
        ReleasePolicy.Evidence midPass = ReleasePolicy.Evidence.evaluation("MID_TERM", true);
        assertThat(ReleasePolicy.decide(ReleaseCondition.MID_TERM_PASSED, true, midPass).outcome()).isEqualTo(ReleasePolicy.Outcome.RELEASE);
        assertThat(ReleasePolicy.decide(ReleaseCondition.MID_TERM_PASSED, false, midPass).outcome()).isEqualTo(ReleasePolicy.Outcome.WAIT_FOR_EARLIER);
        assertThat(ReleasePolicy.decide(ReleaseCondition.FINAL_PASSED, true, midPass).outcome()).isEqualTo(ReleasePolicy.Outcome.NOT_THIS_TRANCHE);
        assertThat(ReleasePolicy.decide(ReleaseCondition.REPORT_FILED, true, ReleasePolicy.Evidence.reportFiled()).outcome())
                .isEqualTo(ReleasePolicy.Outcome.RELEASE);
        assertThat(ReleasePolicy.decide(ReleaseCondition.MID_TERM_PASSED, true, ReleasePolicy.Evidence.evaluation("ON_DEMAND", true)).outcome())
                .isEqualTo(ReleasePolicy.Outcome.NOT_THIS_TRANCHE);
    }

    @Test
    @DisplayName("G4 failing: a failed evaluation or an open appeal holds the tranche and says why")
    void hold() {
        ReleasePolicy.Decision failed = ReleasePolicy.decide(ReleaseCondition.MID_TERM_PASSED, true, ReleasePolicy.Evidence.evaluation("MID_TERM", false));
        assertThat(failed.outcome()).isEqualTo(ReleasePolicy.Outcome.HOLD);
        assertThat(failed.reason()).contains("MID_TERM evaluation was not passed");
        assertThat(ReleasePolicy.decide(ReleaseCondition.FINAL_PASSED, true, ReleasePolicy.Evidence.appealOpened("FINAL")).outcome())
                .isEqualTo(ReleasePolicy.Outcome.HOLD);
    }

    @Test
    @DisplayName("G5 failing: a supervisor without a current certificate, or of the project's own organisation, is refused")
    void seats() {
        Map<SupervisionRole, String> team = new EnumMap<>(SupervisionRole.class);
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.SENIOR_SUPERVISOR, "s1", Set.of("ORG-2"), "ORG-1", Optional.empty(), team)).isEmpty();
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.SENIOR_SUPERVISOR, "s1", Set.of("ORG-2"), "ORG-1",
                Optional.of(new Rejection("T3", "certificate expired on 2026-01-01")), team))
                .extracting(Rejection::reason).singleElement().satisfies(r -> assertThat(r).contains("expired"));
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.UNIVERSITY_EXPERT, "u1", Set.of("ORG-1"), "ORG-1", Optional.empty(), team))
                .extracting(Rejection::rule).containsExactly("G5");
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.PROJECT_LEAD, "p1", Set.of("ORG-2"), "ORG-1", Optional.empty(), team)).hasSize(1);
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.PROJECT_LEAD, "p1", Set.of("ORG-1"), "ORG-1", Optional.empty(), team)).isEmpty();
    }

    @Test
    @DisplayName("G5 failing: 1+1+1+1 means four seats held by four different people")
    void fourPeople() {
        Map<SupervisionRole, String> team = new EnumMap<>(SupervisionRole.class);
        team.put(SupervisionRole.PROJECT_LEAD, "p1");
        team.put(SupervisionRole.UNIVERSITY_EXPERT, "u1");
        assertThat(SupervisionPolicy.missing(team)).containsExactlyInAnyOrder(SupervisionRole.SENIOR_SUPERVISOR, SupervisionRole.SOCIAL_WORKER);
        assertThat(SupervisionPolicy.checkSeat(SupervisionRole.SOCIAL_WORKER, "u1", Set.of(), "ORG-1", Optional.empty(), team)).hasSize(1);
    }
}

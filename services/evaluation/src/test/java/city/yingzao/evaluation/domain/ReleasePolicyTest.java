package city.yingzao.evaluation.domain;

import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasePolicyTest {

    static final Disagreement.Flags NONE = new Disagreement.Flags(List.of(), null);
    static final Disagreement.Flags FLAGGED = new Disagreement.Flags(
            List.of(new Disagreement.IndicatorFlag("2.4", 1, 3, Map.of("a", 1, "b", 3))), null);

    @Test
    @DisplayName("E6 a flagged evaluation is released only after a moderation note; an unflagged one without")
    void moderation() {
        assertThat(ReleasePolicy.check("sup", List.of("a", "b"), List.of("a", "b"), NONE, 0)).isEmpty();
        assertThat(ReleasePolicy.check("sup", List.of("a", "b"), List.of("a", "b"), FLAGGED, 0)).extracting(Rejection::reason)
                .containsExactly("the evaluators disagree (indicators 2.4 differ by 2 levels or more); a moderator must record a moderation note before release");
        assertThat(ReleasePolicy.check("sup", List.of("a", "b"), List.of("a", "b"), FLAGGED, 1)).isEmpty();
        Disagreement.Flags overall = new Disagreement.Flags(List.of(),
                new Disagreement.OverallFlag(new BigDecimal("60.00"), new BigDecimal("80.00"), new BigDecimal("20.00")));
        assertThat(ReleasePolicy.check("sup", List.of("a", "b"), List.of("a", "b"), overall, 0)).extracting(Rejection::reason)
                .first().asString().contains("overall scores 20.00 points apart");
    }

    @Test
    @DisplayName("E6 at least two sheets, every assigned evaluator submitted, and neither moderator nor releaser is one of its evaluators")
    void who() {
        assertThat(ReleasePolicy.check("sup", List.of("a"), List.of("a"), NONE, 0)).extracting(Rejection::reason)
                .containsExactly("1 sheet(s) submitted, at least 2 needed");
        assertThat(ReleasePolicy.check("sup", List.of("a", "b", "c"), List.of("a", "b"), NONE, 0)).extracting(Rejection::reason)
                .containsExactly("still waiting for the sheets of c");
        assertThat(ReleasePolicy.check("a", List.of("a", "b"), List.of("a", "b"), NONE, 0)).extracting(Rejection::rule)
                .containsExactly("E6");
        assertThat(ReleasePolicy.moderator("b", List.of("a", "b"))).hasSize(1);
        assertThat(ReleasePolicy.moderator("sup", List.of("a", "b"))).isEmpty();
    }

    @Test
    @DisplayName("mid-term window from the project's middle day, final from its last day, 30 days each")
    void schedule() {
        java.time.LocalDate start = java.time.LocalDate.of(2027, 1, 1);
        java.time.LocalDate end = java.time.LocalDate.of(2027, 12, 31);
        assertThat(EvaluationSchedule.of(EvaluationKind.MID_TERM, start, end))
                .isEqualTo(new EvaluationSchedule(java.time.LocalDate.of(2027, 7, 2), java.time.LocalDate.of(2027, 7, 31)));
        assertThat(EvaluationSchedule.of(EvaluationKind.FINAL, start, end))
                .isEqualTo(new EvaluationSchedule(end, java.time.LocalDate.of(2028, 1, 29)));
    }
}

package city.yingzao.training.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionRuleTest {

    final CompletionRule rule = new CompletionRule(0.8, 60, List.of("GEN-101"));

    @Test
    @DisplayName("T3 completion counts ALL scheduled meetings: 4 of 4 held out of 10 scheduled is not 80%")
    void overAllScheduledMeetings() {
        assertThat(rule.check(10, 4, 90, Set.of("GEN-101"))).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("attended 4 of 10 scheduled meetings, 8 needed"));
        assertThat(rule.check(10, 8, 90, Set.of("GEN-101"))).isEmpty();
        assertThat(rule.check(10, 7, 90, Set.of("GEN-101"))).hasSize(1);
    }

    @Test
    @DisplayName("T3 completion needs the assessment at or above the pass mark")
    void assessment() {
        assertThat(rule.check(5, 5, null, Set.of("GEN-101"))).extracting(r -> r.reason()).containsExactly("no assessment score recorded");
        assertThat(rule.check(5, 5, 59, Set.of("GEN-101"))).hasSize(1);
        assertThat(rule.check(5, 5, 60, Set.of("GEN-101"))).isEmpty();
        assertThat(new CompletionRule(1.0, null, List.of()).check(3, 3, null, Set.of())).isEmpty();
    }

    @Test
    @DisplayName("T2 a prerequisite course not completed blocks completion")
    void prerequisite() {
        assertThat(rule.check(5, 5, 80, Set.of())).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("T2");
            assertThat(r.reason()).contains("GEN-101");
        });
    }
}

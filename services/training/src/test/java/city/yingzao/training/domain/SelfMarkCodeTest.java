package city.yingzao.training.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SelfMarkCodeTest {

    static final Instant T0 = Instant.parse("2027-03-01T01:00:00Z");
    final SelfMarkCode code = new SelfMarkCode("m1", "K7Q2X9", T0, T0.plus(Duration.ofMinutes(10)), true);

    @Test
    @DisplayName("T3 self-mark: the shown code marks attendance before it expires, once")
    void acceptedOnce() {
        assertThat(code.refusal("k7q2x9", T0.plusSeconds(60), false)).isEmpty();
        assertThat(code.refusal("K7Q2X9", T0.plusSeconds(61), true)).get()
                .satisfies(r -> assertThat(r.reason()).contains("already used"));
    }

    @Test
    @DisplayName("T3 self-mark: an expired, replaced or wrong code is refused")
    void refused() {
        assertThat(code.refusal("K7Q2X9", T0.plus(Duration.ofMinutes(10)), false)).get()
                .satisfies(r -> assertThat(r.reason()).contains("expired"));
        assertThat(new SelfMarkCode("m1", "K7Q2X9", T0, T0.plus(Duration.ofMinutes(10)), false).refusal("K7Q2X9", T0, false))
                .get().satisfies(r -> assertThat(r.reason()).contains("replaced"));
        assertThat(code.refusal("AAAAAA", T0, false)).isPresent();
        assertThat(code.refusal(null, T0, false)).isPresent();
    }
}

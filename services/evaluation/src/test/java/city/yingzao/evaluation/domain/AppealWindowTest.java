package city.yingzao.evaluation.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AppealWindowTest {

    @Test
    @DisplayName("E5 released 2027-05-10 23:30 Shanghai (15:30 UTC), a 7-day window is open through 2027-05-17 and closes 2027-05-18 00:00 Shanghai")
    void shanghaiDays() {
        AppealWindow window = new AppealWindow(7);
        Instant released = Instant.parse("2027-05-10T15:30:00Z");
        assertThat(window.closesAt(released)).isEqualTo(Instant.parse("2027-05-17T16:00:00Z"));
        assertThat(window.isOpen(released, Instant.parse("2027-05-17T15:59:59Z"))).isTrue();
        assertThat(window.isOpen(released, Instant.parse("2027-05-17T16:00:00Z"))).isFalse();
        assertThat(window.check(released, Instant.parse("2027-05-18T01:00:00Z"))).get()
                .extracting(r -> r.rule()).isEqualTo("E5");
    }

    @Test
    @DisplayName("E5 the day is Shanghai's, not UTC's: released 2027-05-10 16:30 UTC is 2027-05-11 in Shanghai, one day later")
    void notUtc() {
        AppealWindow window = new AppealWindow(7);
        assertThat(window.closesAt(Instant.parse("2027-05-10T16:30:00Z"))).isEqualTo(Instant.parse("2027-05-18T16:00:00Z"));
        assertThat(new AppealWindow(1).closesAt(Instant.parse("2027-05-10T03:00:00Z"))).isEqualTo(Instant.parse("2027-05-11T16:00:00Z"));
    }
}

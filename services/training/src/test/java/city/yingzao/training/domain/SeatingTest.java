package city.yingzao.training.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeatingTest {

    @Test
    @DisplayName("T3 waitlist: a full session waitlists in order and promotes the first waiting when a seat frees")
    void waitlistPromotesInOrder() {
        Seating seating = new Seating(2, List.of(), List.of());
        assertThat(seating.enrol("a")).isEqualTo(Seating.Place.SEATED);
        assertThat(seating.enrol("b")).isEqualTo(Seating.Place.SEATED);
        assertThat(seating.enrol("c")).isEqualTo(Seating.Place.WAITLISTED);
        assertThat(seating.enrol("d")).isEqualTo(Seating.Place.WAITLISTED);
        assertThat(seating.enrol("e")).isEqualTo(Seating.Place.WAITLISTED);

        assertThat(seating.withdraw("a")).containsExactly("c");
        assertThat(seating.seated()).containsExactly("b", "c");
        assertThat(seating.withdraw("d")).isEmpty();
        assertThat(seating.waitlist()).containsExactly("e");
        assertThat(seating.withdraw("b")).containsExactly("e");
    }

    @Test
    @DisplayName("T3 waitlist: a larger capacity promotes as many as fit, head first")
    void capacityGrows() {
        Seating seating = new Seating(3, List.of("a"), List.of("x", "y", "z"));
        assertThat(seating.promote()).containsExactly("x", "y");
        assertThat(seating.waitlist()).containsExactly("z");
    }

    @Test
    @DisplayName("T3 enrolment: twice, or into a closed session, is refused")
    void refusals() {
        Seating seating = new Seating(1, List.of("a"), List.of("b"));
        assertThat(seating.refusal("a", true)).isPresent();
        assertThat(seating.refusal("b", true)).isPresent();
        assertThat(seating.refusal("c", false)).isPresent();
        assertThat(seating.refusal("c", true)).isEmpty();
    }
}

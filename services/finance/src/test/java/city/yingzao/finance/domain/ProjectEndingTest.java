package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static city.yingzao.finance.domain.ProjectEnding.REJECTED;
import static city.yingzao.finance.domain.ProjectEnding.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("F6 a fund project ends without being carried out only before it spent money")
class ProjectEndingTest {

    @Test
    @DisplayName("F6 staff withdraw a project before implementation while nothing is paid")
    void withdrawBeforeImplementation() {
        assertThat(WITHDRAWN.mayEnd(ProjectStep.PUBLICITY_AND_MOBILISATION, 0, false)).isEmpty();
        assertThat(WITHDRAWN.mayEnd(ProjectStep.HEARING, 0, false)).isEmpty();
        assertThat(WITHDRAWN.mayEnd(ProjectStep.IMPLEMENTATION, 0, false))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("F6: a project in implementation"));
    }

    @Test
    @DisplayName("F6 a project that was paid for is never withdrawn or rejected")
    void paidProjectsGoOn() {
        assertThat(WITHDRAWN.mayEnd(ProjectStep.HEARING, 30_000, false))
                .hasValueSatisfying(r -> assertThat(r.reason()).startsWith("30000 fen were paid"));
        assertThat(REJECTED.mayEnd(ProjectStep.SORTING_AND_DISCUSSION, 1, true)).isPresent();
    }

    @Test
    @DisplayName("F6 a project is rejected only after its council motion failed, and before a resolution was adopted")
    void rejectedAfterAFailedMotion() {
        assertThat(REJECTED.mayEnd(ProjectStep.SORTING_AND_DISCUSSION, 0, true)).isEmpty();
        assertThat(REJECTED.mayEnd(ProjectStep.SORTING_AND_DISCUSSION, 0, false))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("motion on it failed; none has"));
        assertThat(REJECTED.mayEnd(ProjectStep.COUNCIL_RESOLUTION, 0, true)).isPresent();
        assertThat(WITHDRAWN.mayEnd(ProjectStep.ARCHIVING, 0, false)).isPresent();
    }
}

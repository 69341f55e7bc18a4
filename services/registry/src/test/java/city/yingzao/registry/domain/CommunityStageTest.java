package city.yingzao.registry.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommunityStageTest {

    @Test
    @DisplayName("P2 the path has six steps, from discovering active residents to a deliberation platform")
    void sixStepsInOrder() {
        assertThat(CommunityStage.values()).hasSize(6);
        assertThat(CommunityStage.ofStep(1)).contains(CommunityStage.DISCOVER_ACTIVE_RESIDENTS);
        assertThat(CommunityStage.ofStep(5)).contains(CommunityStage.PIVOT_PROJECT);
        assertThat(CommunityStage.ofStep(6)).contains(CommunityStage.DELIBERATION_PLATFORM);
        assertThat(CommunityStage.PIVOT_PROJECT.step()).isEqualTo(5);
    }

    @ParameterizedTest(name = "stage {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    @DisplayName("P2 every step 1 to 6 is a stage a community may be at")
    void everyStepIsAccepted(int step) {
        assertThat(StagePolicy.check(step)).isEmpty();
    }

    @ParameterizedTest(name = "stage {0}")
    @ValueSource(ints = {0, 7, -1})
    @DisplayName("P2 a stage outside the six steps is refused with a readable reason")
    void outsideThePathIsRefused(int step) {
        assertThat(StagePolicy.check(step)).hasValueSatisfying(r -> {
            assertThat(r.rule()).isEqualTo("P2");
            assertThat(r.reason()).contains("stage " + step, "1 to 6");
        });
    }
}

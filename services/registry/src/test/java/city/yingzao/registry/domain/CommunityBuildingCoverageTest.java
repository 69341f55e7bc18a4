package city.yingzao.registry.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static city.yingzao.registry.domain.CommunityStage.DELIBERATION_PLATFORM;
import static city.yingzao.registry.domain.CommunityStage.DISCOVER_ACTIVE_RESIDENTS;
import static city.yingzao.registry.domain.CommunityStage.FORM_SELF_ORGANISATIONS;
import static city.yingzao.registry.domain.CommunityStage.PIVOT_PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommunityBuildingCoverageTest {

    /** Chengdu in 2019: 61 of 100 communities past the first step. */
    private static final Map<CommunityStage, Long> CHENGDU_2019 = Map.of(
            DISCOVER_ACTIVE_RESIDENTS, 39L, FORM_SELF_ORGANISATIONS, 30L, PIVOT_PROJECT, 21L, DELIBERATION_PLATFORM, 10L);

    @Test
    @DisplayName("P2 coverage counts the communities at or past the configured step")
    void countsFromTheConfiguredStep() {
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(CHENGDU_2019, FORM_SELF_ORGANISATIONS, 0.90);

        assertThat(coverage.total()).isEqualTo(100);
        assertThat(coverage.running()).isEqualTo(61);
        assertThat(coverage.share()).isEqualTo(0.61);
    }

    @Test
    @DisplayName("P2 61% falls short of the 90% target, and the summary says so in numbers")
    void shortOfTheTarget() {
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(CHENGDU_2019, FORM_SELF_ORGANISATIONS, 0.90);

        assertThat(coverage.meetsTarget()).isFalse();
        assertThat(coverage.summary()).isEqualTo("P2: 61 of 100 communities (61.0%) run a community-building action; target 90%");
    }

    @Test
    @DisplayName("P2 the step that counts is configurable: from step 1 every community counts")
    void configurableStep() {
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(CHENGDU_2019, DISCOVER_ACTIVE_RESIDENTS, 0.90);

        assertThat(coverage.running()).isEqualTo(100);
        assertThat(coverage.meetsTarget()).isTrue();
    }

    @Test
    @DisplayName("P2 with no communities the share is zero and the target is not met")
    void noCommunities() {
        CommunityBuildingCoverage coverage = new CommunityBuildingCoverage(Map.of(), FORM_SELF_ORGANISATIONS, 0.60);

        assertThat(coverage.share()).isZero();
        assertThat(coverage.meetsTarget()).isFalse();
        assertThat(coverage.byStage()).hasSize(6).containsEntry(PIVOT_PROJECT, 0L);
    }

    @Test
    @DisplayName("P2 a target outside 0..1 is refused")
    void targetIsAShare() {
        assertThatThrownBy(() -> new CommunityBuildingCoverage(Map.of(), FORM_SELF_ORGANISATIONS, 90))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

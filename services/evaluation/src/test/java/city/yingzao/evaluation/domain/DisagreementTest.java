package city.yingzao.evaluation.domain;

import city.yingzao.evaluation.domain.Scoring.SheetLevels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DisagreementTest {

    static final Framework F = Frameworks.provisional();

    static Disagreement.Flags flags(SheetLevels... sheets) {
        Scoring.Result r = Scoring.aggregate(F, List.of(sheets));
        return Disagreement.of(F, List.of(sheets), r.sheets());
    }

    @Test
    @DisplayName("E6 an indicator whose levels differ by 2 is flagged, by 1 is not")
    void indicatorSpread() {
        SheetLevels x = new SheetLevels("x", Frameworks.all(F, 3));
        SheetLevels y = new SheetLevels("y", Frameworks.levels(F, Map.of("D1", 3, "D2", 3, "D3", 3, "D4", 3, "D5", 3, "D6", 3),
                Map.of("2.4", 1, "4.1", 2, "6.9", 4)));
        Disagreement.Flags flags = flags(x, y);
        assertThat(flags.indicators()).extracting(Disagreement.IndicatorFlag::indicatorId).containsExactly("2.4");
        assertThat(flags.indicators().get(0).levels()).containsEntry("x", 3).containsEntry("y", 1);
        assertThat(flags.overall()).isNull();
        assertThat(flags.any()).isTrue();
        assertThat(flags(x, new SheetLevels("z", Frameworks.levels(F, Map.of("D1", 3, "D2", 3, "D3", 3, "D4", 3, "D5", 3, "D6", 3),
                Map.of("1.1", 2, "5.8", 4)))).any()).isFalse();
    }

    @Test
    @DisplayName("E6 overall scores more than 15 points apart are flagged; exactly 15 apart is not")
    void overallSpread() {
        // all 3s = 75.00; all 2s except D2 and D3 at 4 ... choose sheets 15.00 apart exactly: all 4s (100) vs D1 at 0 (85)
        SheetLevels top = new SheetLevels("top", Frameworks.all(F, 4));
        SheetLevels d1Zero = new SheetLevels("low", Frameworks.levels(F, Map.of("D1", 0, "D2", 4, "D3", 4, "D4", 4, "D5", 4, "D6", 4), Map.of()));
        Disagreement.Flags exactly15 = flags(top, d1Zero);
        assertThat(exactly15.overall()).isNull();
        assertThat(exactly15.indicators()).hasSize(9);

        SheetLevels a = ScoringTest.a();
        SheetLevels b = ScoringTest.b();
        Disagreement.Flags apart = flags(a, b, ScoringTest.c());
        assertThat(apart.overall()).isNotNull();
        assertThat(apart.overall().spread()).isEqualByComparingTo("39.17");
        assertThat(flags(a, b).overall()).isNotNull(); // 75.00 vs 92.50: 17.50 apart
    }

    @Test
    @DisplayName("E6 a single sheet has nothing to disagree with")
    void single() {
        assertThat(flags(ScoringTest.c()).any()).isFalse();
    }
}

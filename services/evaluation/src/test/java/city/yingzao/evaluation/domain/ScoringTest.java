package city.yingzao.evaluation.domain;

import city.yingzao.evaluation.domain.Scoring.SheetLevels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The arithmetic against sheets computed by hand on the provisional framework (weights 15, 20, 20,
 * 15, 15, 15; 9, 9, 9, 9, 8, 9 indicators).
 */
class ScoringTest {

    static final Framework F = Frameworks.provisional();

    /** Every level 3: each domain 3/4 of its weight: 11.25, 15, 15, 11.25, 11.25, 11.25 = 75.00. */
    static SheetLevels a() {
        return new SheetLevels("eva-a", Frameworks.all(F, 3));
    }

    /** Every level 4 except D5 at 2: 15, 20, 20, 15, 7.50, 15 = 92.50. */
    static SheetLevels b() {
        return new SheetLevels("eva-b", Frameworks.levels(F, Map.of("D1", 4, "D2", 4, "D3", 4, "D4", 4, "D5", 2, "D6", 4), Map.of()));
    }

    /** D1 levels 4,4,4,3,3,3,2,2,1 (sum 26: 26/36 x 15 = 10.8333 → 10.83), every other level 2: 10, 10, 7.5, 7.5, 7.5 → 53.33. */
    static SheetLevels c() {
        Map<String, Integer> d1 = new HashMap<>();
        int[] levels = {4, 4, 4, 3, 3, 3, 2, 2, 1};
        for (int i = 0; i < levels.length; i++) {
            d1.put("1." + (i + 1), levels[i]);
        }
        return new SheetLevels("eva-c", Frameworks.levels(F, Map.of("D1", 0, "D2", 2, "D3", 2, "D4", 2, "D5", 2, "D6", 2), d1));
    }

    static List<String> scores(List<Scoring.DomainScore> scores) {
        return scores.stream().map(s -> s.domainId() + "=" + s.score().toPlainString()).toList();
    }

    @Test
    @DisplayName("E6 a sheet's domain score is mean level / 4 x weight, the overall their sum: all 3s give 75.00 (GOOD)")
    void allThrees() {
        Scoring.SheetScore s = Scoring.sheet(F, a());
        assertThat(scores(s.domainScores())).containsExactly("D1=11.25", "D2=15.00", "D3=15.00", "D4=11.25", "D5=11.25", "D6=11.25");
        assertThat(s.overall()).isEqualByComparingTo("75.00");
        assertThat(s.overall().scale()).isEqualTo(2);
        assertThat(s.grade()).isEqualTo(Grade.GOOD);
    }

    @Test
    @DisplayName("E6 hand-computed sheets: 92.50 EXCELLENT; 10.83 for D1 levels summing 26 of 36, 53.33 FAIL")
    void handComputed() {
        Scoring.SheetScore sb = Scoring.sheet(F, b());
        assertThat(scores(sb.domainScores())).containsExactly("D1=15.00", "D2=20.00", "D3=20.00", "D4=15.00", "D5=7.50", "D6=15.00");
        assertThat(sb.overall()).isEqualByComparingTo("92.50");
        assertThat(sb.grade()).isEqualTo(Grade.EXCELLENT);

        Scoring.SheetScore sc = Scoring.sheet(F, c());
        assertThat(scores(sc.domainScores())).containsExactly("D1=10.83", "D2=10.00", "D3=10.00", "D4=7.50", "D5=7.50", "D6=7.50");
        assertThat(sc.overall()).isEqualByComparingTo("53.33");
        assertThat(sc.grade()).isEqualTo(Grade.FAIL);
    }

    @Test
    @DisplayName("E6 the project's domain score is the mean of its evaluators': D1 (27+36+26) x 15 / 108 = 12.36, overall 73.61 PASS")
    void meanOfEvaluators() {
        Scoring.Result r = Scoring.aggregate(F, List.of(a(), b(), c()));
        assertThat(scores(r.domainScores())).containsExactly("D1=12.36", "D2=15.00", "D3=15.00", "D4=11.25", "D5=8.75", "D6=11.25");
        assertThat(r.overall()).isEqualByComparingTo("73.61");
        assertThat(r.grade()).isEqualTo(Grade.PASS);
        assertThat(r.passed()).isTrue();
        assertThat(r.sheets()).extracting(Scoring.SheetScore::overall)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("75.00"), new BigDecimal("92.50"), new BigDecimal("53.33"));
    }

    @Test
    @DisplayName("E6 each figure is an exact fraction rounded once, half up: 1/8 of a point is 0.13, not 0.12")
    void halfUp() {
        Framework tiny = new Framework("tiny", "tiny", false, List.of(
                new Framework.Domain("D1", "一", "one", 1, List.of(Frameworks.indicator("1.1"), Frameworks.indicator("1.2"))),
                new Framework.Domain("D2", "二", "two", 99, List.of(Frameworks.indicator("2.1")))));
        Scoring.SheetScore s = Scoring.sheet(tiny, new SheetLevels("e", Map.of("1.1", 1, "1.2", 0, "2.1", 0)));
        assertThat(scores(s.domainScores())).containsExactly("D1=0.13", "D2=0.00");
        assertThat(s.overall()).isEqualByComparingTo("0.13");
        Scoring.SheetScore top = Scoring.sheet(tiny, new SheetLevels("e", Map.of("1.1", 4, "1.2", 4, "2.1", 4)));
        assertThat(top.overall()).isEqualByComparingTo("100.00");
    }

    @Test
    @DisplayName("E5 a sheet is scored whole: missing indicators are named, a level outside 0-4 is refused")
    void whole() {
        Map<String, Integer> levels = new HashMap<>(Frameworks.all(F, 2));
        levels.remove("3.4");
        levels.remove("6.9");
        assertThat(Scoring.missing(F, levels)).containsExactly("3.4", "6.9");
        assertThatThrownBy(() -> Scoring.sheet(F, new SheetLevels("e", levels))).isInstanceOf(IllegalArgumentException.class);
        levels.put("3.4", 5);
        levels.put("6.9", 1);
        assertThatThrownBy(() -> Scoring.sheet(F, new SheetLevels("e", levels))).hasMessageContaining("3.4");
    }

    @Test
    @DisplayName("E6 the same result from level sums per domain (as the ranking's database adds them) as from the levels")
    void fromSums() {
        List<SheetLevels> sheets = List.of(a(), b(), c());
        List<Scoring.SheetSums> sums = sheets.stream().map(s -> {
            Map<String, Long> perDomain = new HashMap<>();
            s.levels().forEach((indicator, level) -> perDomain.merge("D" + indicator.substring(0, 1), (long) level, Long::sum));
            return new Scoring.SheetSums(s.evaluatorId(), perDomain);
        }).toList();
        assertThat(Scoring.aggregateSums(F, sums)).isEqualTo(Scoring.aggregate(F, sheets));
        assertThatThrownBy(() -> Scoring.aggregateSums(F, List.of(new Scoring.SheetSums("x", Map.of("D1", 37L)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

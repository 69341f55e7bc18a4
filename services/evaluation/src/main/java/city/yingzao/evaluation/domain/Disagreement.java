package city.yingzao.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E6: large disagreement between evaluators is flagged for a moderation discussion before the
 * result is released: an indicator whose levels differ by {@value #INDICATOR_SPREAD} or more, and
 * overall scores more than {@value #OVERALL_SPREAD} points apart.
 */
public final class Disagreement {

    public static final int INDICATOR_SPREAD = 2;
    public static final int OVERALL_SPREAD = 15;

    private Disagreement() {
    }

    /** One indicator the evaluators disagree on, with each evaluator's level. */
    public record IndicatorFlag(String indicatorId, int lowest, int highest, Map<String, Integer> levels) {
    }

    /** The overall scores are too far apart. */
    public record OverallFlag(BigDecimal lowest, BigDecimal highest, BigDecimal spread) {
    }

    public record Flags(List<IndicatorFlag> indicators, OverallFlag overall) {
        public boolean any() {
            return !indicators.isEmpty() || overall != null;
        }
    }

    public static Flags of(Framework framework, List<Scoring.SheetLevels> sheets, List<Scoring.SheetScore> scores) {
        List<IndicatorFlag> indicators = new ArrayList<>();
        if (sheets.size() >= 2) {
            for (String id : framework.domainOfIndicator().keySet()) {
                Map<String, Integer> levels = new LinkedHashMap<>();
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (Scoring.SheetLevels s : sheets) {
                    Integer l = s.levels().get(id);
                    if (l == null) {
                        continue;
                    }
                    levels.put(s.evaluatorId(), l);
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, l);
                }
                if (levels.size() >= 2 && hi - lo >= INDICATOR_SPREAD) {
                    indicators.add(new IndicatorFlag(id, lo, hi, levels));
                }
            }
        }
        OverallFlag overall = null;
        if (scores.size() >= 2) {
            BigDecimal lo = scores.stream().map(Scoring.SheetScore::overall).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal hi = scores.stream().map(Scoring.SheetScore::overall).max(BigDecimal::compareTo).orElseThrow();
            BigDecimal spread = hi.subtract(lo);
            if (spread.compareTo(BigDecimal.valueOf(OVERALL_SPREAD)) > 0) {
                overall = new OverallFlag(lo, hi, spread);
            }
        }
        return new Flags(indicators, overall);
    }
}

package city.yingzao.evaluation.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E6, the arithmetic of {@code evaluation-framework.md}: a domain's score is the mean of its indicator
 * levels / 4 × the domain's weight; the overall score is the sum of the domain scores (0-100); the
 * project's domain score is the mean of its evaluators' domain scores. Each figure is computed as an
 * exact fraction and rounded once to two decimals, half up; the overall is the sum of the rounded
 * domain scores, so the published figures always add up.
 */
public final class Scoring {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Scoring() {
    }

    /** One evaluator's levels, indicator id → 0-4. */
    public record SheetLevels(String evaluatorId, Map<String, Integer> levels) {
        public SheetLevels {
            levels = Map.copyOf(levels);
        }
    }

    public record DomainScore(String domainId, BigDecimal score) {
    }

    /** One sheet's scores. */
    public record SheetScore(String evaluatorId, List<DomainScore> domainScores, BigDecimal overall, Grade grade) {
    }

    /** The evaluation's scores over its sheets. */
    public record Result(List<DomainScore> domainScores, BigDecimal overall, Grade grade, List<SheetScore> sheets) {
        public boolean passed() {
            return grade.passed();
        }
    }

    /** The indicators of the framework a sheet has no level for (a sheet is submitted whole: E5). */
    public static List<String> missing(Framework framework, Map<String, Integer> levels) {
        List<String> missing = new ArrayList<>();
        framework.domainOfIndicator().keySet().forEach(id -> {
            if (!levels.containsKey(id)) {
                missing.add(id);
            }
        });
        return missing;
    }

    public static SheetScore sheet(Framework framework, SheetLevels sheet) {
        return aggregate(framework, List.of(sheet)).sheets().get(0);
    }

    /** One evaluator's sum of levels per domain (domain id → sum), as a database can add them up. */
    public record SheetSums(String evaluatorId, Map<String, Long> levelSums) {
        public SheetSums {
            levelSums = Map.copyOf(levelSums);
        }
    }

    /** The result of complete sheets (at least one), in the framework's domain order. */
    public static Result aggregate(Framework framework, List<SheetLevels> sheets) {
        List<SheetSums> sums = new ArrayList<>(sheets.size());
        for (SheetLevels s : sheets) {
            Map<String, Long> perDomain = new LinkedHashMap<>();
            for (Framework.Domain d : framework.domains()) {
                long sum = 0;
                for (Framework.Indicator i : d.indicators()) {
                    Integer level = s.levels().get(i.id());
                    if (level == null || level < 0 || level > Framework.MAX_LEVEL) {
                        throw new IllegalArgumentException("sheet of " + s.evaluatorId() + " has no valid level for " + i.id());
                    }
                    sum += level;
                }
                perDomain.put(d.id(), sum);
            }
            sums.add(new SheetSums(s.evaluatorId(), perDomain));
        }
        return aggregateSums(framework, sums);
    }

    /** The same from each complete sheet's level sums per domain. */
    public static Result aggregateSums(Framework framework, List<SheetSums> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("no sheets to aggregate");
        }
        List<SheetScore> perSheet = new ArrayList<>();
        Map<String, long[]> levelSums = new LinkedHashMap<>();
        for (SheetSums s : sheets) {
            List<DomainScore> scores = new ArrayList<>();
            for (Framework.Domain d : framework.domains()) {
                Long sum = s.levelSums().get(d.id());
                if (sum == null || sum < 0 || sum > (long) Framework.MAX_LEVEL * d.indicators().size()) {
                    throw new IllegalArgumentException("sheet of " + s.evaluatorId() + " has no valid sum for " + d.id());
                }
                levelSums.computeIfAbsent(d.id(), k -> new long[1])[0] += sum;
                scores.add(new DomainScore(d.id(), fraction(sum * d.weight(), (long) Framework.MAX_LEVEL * d.indicators().size())));
            }
            BigDecimal overall = total(scores);
            perSheet.add(new SheetScore(s.evaluatorId(), scores, overall, Grade.of(overall)));
        }
        List<DomainScore> scores = new ArrayList<>();
        for (Framework.Domain d : framework.domains()) {
            scores.add(new DomainScore(d.id(), fraction(levelSums.get(d.id())[0] * d.weight(),
                    (long) Framework.MAX_LEVEL * d.indicators().size() * sheets.size())));
        }
        BigDecimal overall = total(scores);
        return new Result(scores, overall, Grade.of(overall), perSheet);
    }

    private static BigDecimal fraction(long numerator, long denominator) {
        return new BigDecimal(BigInteger.valueOf(numerator)).divide(new BigDecimal(BigInteger.valueOf(denominator)), SCALE, ROUNDING);
    }

    private static BigDecimal total(List<DomainScore> scores) {
        return scores.stream().map(DomainScore::score).reduce(BigDecimal.ZERO.setScale(SCALE), BigDecimal::add);
    }
}

package city.yingzao.portal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Participatory evaluations as an operator sees them: the grade of each released result. */
public final class Evaluations {

    private Evaluations() {
    }

    public record Evaluation(String id, String projectId, String communityCode, String kind, String title, String status,
                             Instant releasedAt, Result result) {
    }

    public record Result(BigDecimal overall, String grade, String gradeZh, Boolean passed) {
    }

    /** How many released results got each grade, in the grades' own order (A, B, ...). */
    public static Map<String, Long> gradeCounts(List<Evaluation> evaluations) {
        Map<String, Long> counts = new TreeMap<>();
        for (Evaluation e : evaluations) {
            if (e.result() != null && e.result().grade() != null) {
                counts.merge(e.result().grade(), 1L, Long::sum);
            }
        }
        return counts;
    }
}

package city.yingzao.portal.domain;

import java.util.Map;

/** Participatory evaluations as an operator sees them: the city's released results counted per grade. */
public final class Evaluations {

    private Evaluations() {
    }

    /** Released results per grade in the grades' own order (EXCELLENT, GOOD, PASS, FAIL), and their sum. */
    public record GradeCounts(Map<String, Long> grades, long released) {
    }
}

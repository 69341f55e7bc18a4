package city.yingzao.evaluation.domain;

import java.math.BigDecimal;

/**
 * E6: the grade of an overall score (0-100): 优秀 excellent ≥ 85, 良好 good ≥ 75, 合格 pass ≥ 60,
 * 不合格 fail below 60. A result passes when its grade is PASS or better.
 */
public enum Grade {
    EXCELLENT("优秀", new BigDecimal("85")),
    GOOD("良好", new BigDecimal("75")),
    PASS("合格", new BigDecimal("60")),
    FAIL("不合格", BigDecimal.ZERO);

    private final String zh;
    private final BigDecimal from;

    Grade(String zh, BigDecimal from) {
        this.zh = zh;
        this.from = from;
    }

    public static Grade of(BigDecimal overall) {
        for (Grade g : values()) {
            if (overall.compareTo(g.from) >= 0) {
                return g;
            }
        }
        return FAIL;
    }

    public boolean passed() {
        return this != FAIL;
    }

    public String zh() {
        return zh;
    }

    /** The lowest overall score with this grade. */
    public BigDecimal from() {
        return from;
    }
}

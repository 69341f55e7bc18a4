package city.yingzao.evaluation.domain;

import java.time.LocalDate;

/**
 * When a grant project's evaluations take place, from the project's dates (Asia/Shanghai): the
 * mid-term one in the {@value #WINDOW_DAYS} days from the project's middle day (never past its last
 * day), the final one in the {@value #WINDOW_DAYS} days from its last day.
 */
public record EvaluationSchedule(LocalDate opensOn, LocalDate closesOn) {

    public static final int WINDOW_DAYS = 30;

    public EvaluationSchedule {
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("an evaluation window closes after it opens");
        }
    }

    public static EvaluationSchedule of(EvaluationKind kind, LocalDate projectStartsOn, LocalDate projectEndsOn) {
        if (kind == EvaluationKind.FINAL) {
            return new EvaluationSchedule(projectEndsOn, projectEndsOn.plusDays(WINDOW_DAYS - 1));
        }
        long days = projectEndsOn.toEpochDay() - projectStartsOn.toEpochDay();
        LocalDate middle = projectStartsOn.plusDays(Math.max(0, days / 2));
        LocalDate closes = middle.plusDays(WINDOW_DAYS - 1);
        return new EvaluationSchedule(middle, closes.isAfter(projectEndsOn) && !projectEndsOn.isBefore(middle) ? projectEndsOn : closes);
    }
}

package city.yingzao.evaluation.domain;

/**
 * Where an evaluation stands: {@code OPEN} (evaluators assigned and scoring), {@code RELEASED} (the
 * organisation sees the result; the appeal window runs), {@code APPEALED} (held until decided),
 * {@code RESCORING} (an appeal was upheld; evaluators revise, then it is released again),
 * {@code FINAL} ({@code EvaluationCompleted} published), {@code CANCELLED}.
 */
public enum EvaluationStatus {
    OPEN,
    RELEASED,
    APPEALED,
    RESCORING,
    FINAL,
    CANCELLED;

    /** Sheets may be revised (audited) after submission: before release, or after an upheld appeal. */
    public boolean revisable() {
        return this == OPEN || this == RESCORING;
    }

    /** The organisation sees the result. */
    public boolean visibleToOrganisation() {
        return this == RELEASED || this == APPEALED || this == RESCORING || this == FINAL;
    }
}

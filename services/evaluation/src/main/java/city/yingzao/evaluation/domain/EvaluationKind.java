package city.yingzao.evaluation.domain;

/** Mid-term 中期评估 and final 末期评估 evaluations of a grant project, or one an operator asked for. */
public enum EvaluationKind {
    MID_TERM,
    FINAL,
    ON_DEMAND
}

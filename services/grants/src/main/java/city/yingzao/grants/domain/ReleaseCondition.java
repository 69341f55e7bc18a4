package city.yingzao.grants.domain;

/** G4: what must hold before a tranche is paid. */
public enum ReleaseCondition {
    AGREEMENT_SIGNED, MID_TERM_PASSED, FINAL_PASSED, REPORT_FILED;

    /** The evaluation kind whose passed result satisfies this condition, or null. */
    public String evaluationKind() {
        return switch (this) {
            case MID_TERM_PASSED -> "MID_TERM";
            case FINAL_PASSED -> "FINAL";
            default -> null;
        };
    }
}

package city.yingzao.grants.domain;

/**
 * G4: whether an evaluation result or a report releases or holds a tranche. A tranche is released
 * only when its own condition holds and every earlier tranche has been released (a later tranche never
 * overtakes an earlier one); a failed evaluation of the kind the tranche waits for holds it, saying why;
 * an open appeal holds it until the appeal is decided.
 */
public final class ReleasePolicy {

    private ReleasePolicy() {
    }

    public enum Outcome { RELEASE, HOLD, NOT_THIS_TRANCHE, WAIT_FOR_EARLIER }

    public record Decision(Outcome outcome, String reason) {
    }

    /** The evidence arriving: an evaluation of a kind (passed or not), an appeal, or a report. */
    public record Evidence(String evaluationKind, boolean passed, boolean appeal, boolean report) {
        public static Evidence evaluation(String kind, boolean passed) {
            return new Evidence(kind, passed, false, false);
        }

        public static Evidence appealOpened(String kind) {
            return new Evidence(kind, false, true, false);
        }

        public static Evidence reportFiled() {
            return new Evidence(null, false, false, true);
        }
    }

    // G4: release only on the tranche's own condition, in order; a failure or an appeal holds it
    public static Decision decide(ReleaseCondition condition, boolean earlierReleased, Evidence e) {
        boolean concerns = e.report() ? condition == ReleaseCondition.REPORT_FILED
                : e.evaluationKind() != null && e.evaluationKind().equals(condition.evaluationKind());
        if (!concerns) {
            return new Decision(Outcome.NOT_THIS_TRANCHE, "the tranche waits for " + condition);
        }
        if (e.appeal()) {
            return new Decision(Outcome.HOLD, "G4: an appeal against the " + e.evaluationKind() + " evaluation is open");
        }
        if (!e.report() && !e.passed()) {
            return new Decision(Outcome.HOLD, "G4: the " + e.evaluationKind() + " evaluation was not passed");
        }
        if (!earlierReleased) {
            return new Decision(Outcome.WAIT_FOR_EARLIER, "G4: " + condition + " holds, an earlier tranche is not released yet");
        }
        return new Decision(Outcome.RELEASE, condition + " holds");
    }
}

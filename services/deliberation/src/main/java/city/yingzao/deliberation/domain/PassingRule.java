package city.yingzao.deliberation.domain;

/**
 * D7 (and D13): a motion passes only when its yes votes exceed half of the members who should attend
 * 应到会, the full membership, not those present; and yes must exceed no.
 */
public final class PassingRule {

    private PassingRule() {
    }

    /** The outcome of a vote and, for people, why. */
    public record Outcome(boolean passed, String reason) {
    }

    /** Yes votes a motion needs: more than half of the full membership. */
    public static int yesNeeded(int membership) {
        return membership / 2 + 1;
    }

    // D7: yes > membership / 2 (full membership); D13: yes > no
    public static Outcome decide(int yes, int no, int membership) {
        if (yes * 2 <= membership) {
            return new Outcome(false, "D7: " + yes + " yes of " + membership + " members, " + yesNeeded(membership) + " needed");
        }
        if (yes <= no) {
            return new Outcome(false, "D13: " + yes + " yes do not exceed " + no + " no");
        }
        return new Outcome(true, "D7: " + yes + " yes of " + membership + " members, " + yesNeeded(membership) + " needed");
    }
}

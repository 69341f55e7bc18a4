package city.yingzao.deliberation.domain;

/**
 * D13: speaking limits per member per question (default 2 turns × 120 seconds).
 *
 * @param turnsPerMember turns a member may take on one motion or amendment
 * @param secondsPerTurn length of a turn; a longer turn is recorded as cut off at the limit
 */
public record SpeakingLimits(int turnsPerMember, int secondsPerTurn) {

    /** The seconds recorded for a turn that lasted {@code elapsed}: never more than the limit. */
    public int recordedSeconds(long elapsed) {
        return (int) Math.max(0, Math.min(elapsed, secondsPerTurn));
    }

    // D13: a turn longer than the limit is cut off
    public boolean cutOff(long elapsed) {
        return elapsed > secondsPerTurn;
    }
}

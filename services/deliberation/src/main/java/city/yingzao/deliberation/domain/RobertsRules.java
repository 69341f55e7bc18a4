package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D13: the order of business under Robert's Rules as taught in Chengdu (罗伯特议事规则, 南塘十三条),
 * as a small state machine. A meeting takes one agenda item at a time; on the open item a member
 * moves a motion before anyone debates; an amendment to it is debated and voted first; members
 * ask for the floor for or against the question and speak within limits; the neutral chair grants
 * the floor, puts the question to the vote and closes it. Each method answers whether an action is
 * in order now, and if not, why.
 */
public final class RobertsRules {

    public static final String RULE = "D13";

    private RobertsRules() {
    }

    /** The state of the floor a rule looks at. {@code question} is the innermost pending motion: the amendment if one is pending. */
    public record Floor(Optional<String> openItem, Optional<Question> question, boolean someoneSpeaking) {
    }

    /** A pending motion or amendment. */
    public record Question(String motionId, boolean amendment, MotionStatus status) {
    }

    // D13: one item at a time
    public static Optional<Rejection> openItem(Floor floor, String itemId, boolean itemDone) {
        if (itemDone) {
            return refuse("item " + itemId + " has been dealt with already");
        }
        if (floor.openItem().isPresent()) {
            return refuse(floor.openItem().get().equals(itemId) ? "item " + itemId + " is already open"
                    : "another item is open: one item at a time");
        }
        return Optional.empty();
    }

    // D13: a motion is moved on the open item, one at a time, by a member other than the chair
    public static Optional<Rejection> moveMotion(Floor floor, boolean moverIsChair) {
        if (floor.openItem().isEmpty()) {
            return refuse("no item is open: open an agenda item before moving a motion");
        }
        if (floor.question().isPresent()) {
            return refuse("a motion is already before the meeting: decide it first");
        }
        return chairIsNeutral(moverIsChair, "move a motion");
    }

    // D13: an amendment amends the motion under debate; one amendment at a time, voted first
    public static Optional<Rejection> amend(Floor floor, String motionId, boolean moverIsChair) {
        Optional<Question> q = floor.question();
        if (q.isEmpty() || !q.get().motionId().equals(motionId)) {
            return refuse(q.isPresent() && q.get().amendment() ? "an amendment is already pending: decide it first"
                    : "motion " + motionId + " is not the question before the meeting");
        }
        if (q.get().status() != MotionStatus.DEBATE) {
            return refuse("the motion is being voted on and can no longer be amended");
        }
        return chairIsNeutral(moverIsChair, "move an amendment");
    }

    // D13: motion before debate: the floor is asked for on the pending question only
    public static Optional<Rejection> requestFloor(Floor floor, boolean isChair, boolean alreadyWaiting, int turnsTaken,
            SpeakingLimits limits) {
        if (floor.question().isEmpty()) {
            return refuse("there is no motion before the meeting: motion before debate");
        }
        if (floor.question().get().status() != MotionStatus.DEBATE) {
            return refuse("debate is closed: the question is being voted on");
        }
        if (alreadyWaiting) {
            return refuse("you are already waiting for the floor");
        }
        if (turnsTaken >= limits.turnsPerMember()) {
            return refuse("you have spoken " + turnsTaken + " times on this question, the limit is " + limits.turnsPerMember());
        }
        return chairIsNeutral(isChair, "take part in the debate");
    }

    // D13: the chair grants the floor when nobody is speaking and someone waits
    public static Optional<Rejection> grantFloor(Floor floor, boolean anyoneWaiting) {
        if (floor.question().isEmpty() || floor.question().get().status() != MotionStatus.DEBATE) {
            return refuse("there is no question under debate");
        }
        if (floor.someoneSpeaking()) {
            return refuse("a member has the floor: end their turn first");
        }
        return anyoneWaiting ? Optional.empty() : refuse("nobody is waiting for the floor");
    }

    // D13: the innermost question (the amendment first) is put to the vote, after the speaker ends
    public static Optional<Rejection> putToVote(Floor floor, String motionId) {
        Optional<Question> q = floor.question();
        if (q.isEmpty()) {
            return refuse("motion " + motionId + " is not before the meeting");
        }
        if (!q.get().motionId().equals(motionId)) {
            return refuse(q.get().amendment() ? "an amendment is pending: it is voted on first" : "motion " + motionId
                    + " is not the question before the meeting");
        }
        if (q.get().status() != MotionStatus.DEBATE) {
            return refuse("the question is already being voted on");
        }
        if (floor.someoneSpeaking()) {
            return refuse("a member has the floor: end their turn before the vote");
        }
        return Optional.empty();
    }

    // D13: a vote is closed only while it is open
    public static Optional<Rejection> closeVote(MotionStatus status) {
        return status == MotionStatus.VOTING ? Optional.empty() : refuse("the motion is not being voted on");
    }

    // D13: a meeting ends only when no question is pending
    public static Optional<Rejection> closeMeeting(Floor floor) {
        return floor.question().isPresent() ? refuse("a motion is still before the meeting: decide it first") : Optional.empty();
    }

    private static Optional<Rejection> chairIsNeutral(boolean isChair, String what) {
        return isChair ? refuse("the chair is neutral and does not " + what) : Optional.empty();
    }

    private static Optional<Rejection> refuse(String reason) {
        return Optional.of(new Rejection(RULE, reason));
    }
}

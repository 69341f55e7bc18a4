package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Quorum, passing, Robert's Rules (D6, D7, D13)")
class MeetingRulesTest {

    private static final Quorum FOUR_FIFTHS = new Quorum(4, 5);
    private static final SpeakingLimits LIMITS = new SpeakingLimits(2, 120);

    static RobertsRules.Floor floor(String item, String question, boolean amendment, MotionStatus status, boolean speaking) {
        return new RobertsRules.Floor(Optional.ofNullable(item),
                Optional.ofNullable(question).map(q -> new RobertsRules.Question(q, amendment, status)), speaking);
    }

    @Test
    @DisplayName("D6 quorum is 4/5 of the full membership, rounded up: 20 of 25, 17 of 21")
    void quorum() {
        assertThat(FOUR_FIFTHS.needed(25)).isEqualTo(20);
        assertThat(FOUR_FIFTHS.needed(21)).isEqualTo(17);
        assertThat(FOUR_FIFTHS.check(20, 25)).isEmpty();
        assertThat(FOUR_FIFTHS.check(19, 25)).get().extracting(Rejection::message).isEqualTo("D6: 19 of 25 members present, 20 needed");
        assertThat(new Quorum(2, 3).needed(25)).isEqualTo(17);
    }

    @Test
    @DisplayName("D7 yes must exceed half of the full membership, not of those present: 12 of 25 fails, 13 passes")
    void halfOfTheMembership() {
        assertThat(PassingRule.decide(12, 8, 25).passed()).isFalse();
        assertThat(PassingRule.decide(12, 8, 25).reason()).isEqualTo("D7: 12 yes of 25 members, 13 needed");
        assertThat(PassingRule.decide(13, 0, 25).passed()).isTrue();
        assertThat(PassingRule.decide(11, 10, 22).passed()).isFalse();
        assertThat(PassingRule.decide(12, 10, 22).passed()).isTrue();
    }

    @Test
    @DisplayName("D13 yes must exceed no")
    void yesExceedsNo() {
        assertThat(PassingRule.decide(13, 13, 25).passed()).isFalse();
        assertThat(PassingRule.decide(13, 13, 25).reason()).startsWith("D13");
    }

    @Test
    @DisplayName("D13 one item at a time")
    void oneItem() {
        assertThat(RobertsRules.openItem(floor(null, null, false, null, false), "i2", false)).isEmpty();
        assertThat(RobertsRules.openItem(floor("i1", null, false, null, false), "i2", false)).get()
                .extracting(Rejection::rule).isEqualTo("D13");
        assertThat(RobertsRules.openItem(floor(null, null, false, null, false), "i1", true)).isPresent();
    }

    @Test
    @DisplayName("D13 motion before debate, one motion at a time, never by the chair")
    void motionBeforeDebate() {
        assertThat(RobertsRules.requestFloor(floor("i1", null, false, null, false), false, false, 0, LIMITS)).get()
                .extracting(Rejection::reason).isEqualTo("there is no motion before the meeting: motion before debate");
        assertThat(RobertsRules.moveMotion(floor(null, null, false, null, false), false)).isPresent();
        assertThat(RobertsRules.moveMotion(floor("i1", null, false, null, false), false)).isEmpty();
        assertThat(RobertsRules.moveMotion(floor("i1", "m1", false, MotionStatus.DEBATE, false), false)).isPresent();
        assertThat(RobertsRules.moveMotion(floor("i1", null, false, null, false), true)).get()
                .extracting(Rejection::reason).isEqualTo("the chair is neutral and does not move a motion");
    }

    @Test
    @DisplayName("D13 an amendment is voted before the motion it amends; no amendment during a vote")
    void amendmentFirst() {
        assertThat(RobertsRules.amend(floor("i1", "m1", false, MotionStatus.DEBATE, false), "m1", false)).isEmpty();
        assertThat(RobertsRules.amend(floor("i1", "m1", false, MotionStatus.VOTING, false), "m1", false)).isPresent();
        assertThat(RobertsRules.amend(floor("i1", "a1", true, MotionStatus.DEBATE, false), "m1", false)).get()
                .extracting(Rejection::reason).isEqualTo("an amendment is already pending: decide it first");
        assertThat(RobertsRules.putToVote(floor("i1", "a1", true, MotionStatus.DEBATE, false), "m1")).get()
                .extracting(Rejection::reason).isEqualTo("an amendment is pending: it is voted on first");
        assertThat(RobertsRules.putToVote(floor("i1", "a1", true, MotionStatus.DEBATE, false), "a1")).isEmpty();
        assertThat(RobertsRules.putToVote(floor("i1", "m1", false, MotionStatus.DEBATE, true), "m1")).isPresent();
    }

    @Test
    @DisplayName("D13 speaking limits: two turns per member per question, turns cut off at 120 s")
    void speakingLimits() {
        RobertsRules.Floor debating = floor("i1", "m1", false, MotionStatus.DEBATE, false);
        assertThat(RobertsRules.requestFloor(debating, false, false, 1, LIMITS)).isEmpty();
        assertThat(RobertsRules.requestFloor(debating, false, false, 2, LIMITS)).isPresent();
        assertThat(RobertsRules.requestFloor(debating, false, true, 0, LIMITS)).isPresent();
        assertThat(RobertsRules.requestFloor(debating, true, false, 0, LIMITS)).isPresent();
        assertThat(LIMITS.recordedSeconds(150)).isEqualTo(120);
        assertThat(LIMITS.cutOff(150)).isTrue();
        assertThat(LIMITS.cutOff(120)).isFalse();
    }

    @Test
    @DisplayName("D13 when both sides wait the floor alternates; otherwise first come, first served")
    void alternation() {
        List<SpeakingOrder.Waiting> waiting = List.of(new SpeakingOrder.Waiting(1, "a", Side.FOR),
                new SpeakingOrder.Waiting(2, "b", Side.FOR), new SpeakingOrder.Waiting(3, "c", Side.AGAINST));
        assertThat(SpeakingOrder.next(waiting, Optional.empty())).get().extracting(SpeakingOrder.Waiting::personId).isEqualTo("a");
        assertThat(SpeakingOrder.next(waiting, Optional.of(Side.FOR))).get().extracting(SpeakingOrder.Waiting::personId).isEqualTo("c");
        assertThat(SpeakingOrder.next(waiting.subList(0, 2), Optional.of(Side.FOR))).get()
                .extracting(SpeakingOrder.Waiting::personId).isEqualTo("a");
        assertThat(SpeakingOrder.next(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("D13 a vote is closed only while open; a meeting closes only with no question pending")
    void closing() {
        assertThat(RobertsRules.closeVote(MotionStatus.VOTING)).isEmpty();
        assertThat(RobertsRules.closeVote(MotionStatus.DEBATE)).isPresent();
        assertThat(RobertsRules.closeMeeting(floor("i1", "m1", false, MotionStatus.DEBATE, false))).isPresent();
        assertThat(RobertsRules.closeMeeting(floor(null, null, false, null, false))).isEmpty();
    }
}

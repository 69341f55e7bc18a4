package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.AgendaItemRepository;
import city.yingzao.deliberation.infrastructure.FloorRequestRepository;
import city.yingzao.deliberation.infrastructure.MotionRepository;
import city.yingzao.deliberation.infrastructure.ProposalRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.infrastructure.SpeechRepository;
import city.yingzao.deliberation.application.Commands.AskForFloor;
import city.yingzao.deliberation.application.Commands.MoveMotion;
import city.yingzao.deliberation.application.Views.FloorGrant;
import city.yingzao.deliberation.application.Views.MotionView;
import city.yingzao.deliberation.application.Views.SpeechView;
import city.yingzao.deliberation.domain.MotionStatus;
import city.yingzao.deliberation.domain.PassingRule;
import city.yingzao.deliberation.domain.ProposalStatus;
import city.yingzao.deliberation.domain.RobertsRules;
import city.yingzao.deliberation.domain.Side;
import city.yingzao.deliberation.domain.SpeakingLimits;
import city.yingzao.deliberation.domain.SpeakingOrder;
import city.yingzao.deliberation.domain.Tally;
import city.yingzao.deliberation.infrastructure.AgendaItemEntity;
import city.yingzao.deliberation.infrastructure.FloorRequestEntity;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.deliberation.infrastructure.ProposalEntity;
import city.yingzao.deliberation.infrastructure.SpeechEntity;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The floor of a meeting under Robert's Rules (D13): motions and amendments, asking for and granting
 * the floor within the speaking limits, putting the question to a secret ballot (D8) and closing it
 * (D7). Every action needs the meeting to be quorate (D6); an action out of order is refused with
 * the reason.
 */
@ApplicationScoped
@Transactional
public class DebateService {

    @Inject
    AgendaItemRepository agendaItemRepository;

    @Inject
    FloorRequestRepository floorRequestRepository;

    @Inject
    MotionRepository motionRepository;

    @Inject
    ProposalRepository proposalRepository;

    @Inject
    SeatRepository seatRepository;

    @Inject
    SpeechRepository speechRepository;

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    DeliberationSettings settings;

    @Inject
    BallotService ballots;

    @Inject
    ResolutionService resolutions;

    @Inject
    MeetingService meetingViews;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    // D13: motion before debate, one at a time, not by the chair
    public MotionView move(UUID meetingId, MoveMotion command) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireInSession(meeting);
        String mover = meetings.requirePresentMember(meeting);
        Rules.enforce(RobertsRules.moveMotion(meetings.floor(meeting), meetings.isChair(meeting, mover)));
        meetings.requireQuorum(meeting);
        AgendaItemEntity item = meetings.openItem(meetingId).orElseThrow();
        MotionEntity motion = newMotion(meeting, item.id, null, command.text(), mover);
        audit.record(meeting.communityCode, "MOTION_MOVED", "motion", motion.id, motion.text, meetingId, item.id);
        return view(motion);
    }

    // D13: an amendment is debated and voted before the motion it amends
    public MotionView amend(UUID motionId, MoveMotion command) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        meetings.requireInSession(meeting);
        String mover = meetings.requirePresentMember(meeting);
        Rules.enforce(RobertsRules.amend(meetings.floor(meeting), motionId.toString(), meetings.isChair(meeting, mover)));
        meetings.requireQuorum(meeting);
        MotionEntity amendment = newMotion(meeting, motion.itemId, motionId, command.text(), mover);
        audit.record(meeting.communityCode, "MOTION_AMENDED", "motion", amendment.id, amendment.text, meeting.id, motionId);
        return view(amendment);
    }

    // D13: speaking limits per member per question
    public Views.MeetingView askForFloor(UUID meetingId, AskForFloor command) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireInSession(meeting);
        String person = meetings.requirePresentMember(meeting);
        Optional<MotionEntity> question = meetings.question(meetingId);
        UUID questionId = question.map(q -> q.id).orElse(null);
        boolean waiting = questionId != null && floorRequestRepository.waits(questionId, person);
        int turns = questionId == null ? 0 : speechRepository.turns(questionId, person);
        Rules.enforce(RobertsRules.requestFloor(meetings.floor(meeting), meetings.isChair(meeting, person), waiting, turns,
                settings.speaking()));
        meetings.requireQuorum(meeting);
        FloorRequestEntity request = new FloorRequestEntity();
        request.motionId = questionId;
        request.seq = nextSeq(floorRequestRepository.waiting(questionId).stream().mapToInt(r -> r.seq).max(),
                speechRepository.ofMotion(questionId).stream().mapToInt(s -> s.seq).max());
        request.personId = person;
        request.side = command.side();
        request.requestedAt = clock.instant();
        floorRequestRepository.persist(request);
        audit.record(meeting.communityCode, "FLOOR_REQUESTED", "motion", questionId, person + " " + command.side(), meetingId);
        return meetingViews.view(meeting);
    }

    // D13: the chair gives the floor; when both sides wait, the sides alternate
    public FloorGrant grantFloor(UUID meetingId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireChair(meeting);
        meetings.requireInSession(meeting);
        Optional<MotionEntity> question = meetings.question(meetingId);
        List<FloorRequestEntity> waiting = question.map(q -> floorRequestRepository.waiting(q.id))
                .orElse(List.of());
        Rules.enforce(RobertsRules.grantFloor(meetings.floor(meeting), !waiting.isEmpty()));
        meetings.requireQuorum(meeting);
        UUID questionId = question.orElseThrow().id;
        Optional<Side> lastSide = speechRepository.last(questionId).map(s -> s.side);
        SpeakingOrder.Waiting next = SpeakingOrder.next(waiting.stream()
                .map(w -> new SpeakingOrder.Waiting(w.seq, w.personId, w.side)).toList(), lastSide).orElseThrow();
        FloorRequestEntity granted = waiting.stream().filter(w -> w.seq == next.seq()).findFirst().orElseThrow();
        SpeechEntity speech = new SpeechEntity();
        speech.motionId = questionId;
        speech.seq = granted.seq;
        speech.personId = granted.personId;
        speech.side = granted.side;
        speech.startedAt = clock.instant();
        floorRequestRepository.delete(granted);
        speechRepository.persist(speech);
        audit.record(meeting.communityCode, "FLOOR_GRANTED", "motion", questionId, speech.personId + " " + speech.side, meetingId);
        return new FloorGrant(speech.personId, speech.side, settings.speaking().secondsPerTurn());
    }

    // D13: a turn ends when the speaker or the chair says so; longer than the limit is recorded as cut off
    public SpeechView endTurn(UUID meetingId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        access.requireReader(meeting.communityCode);
        SpeechEntity speech = meetings.question(meetingId).flatMap(q -> meetings.speaking(q.id))
                .orElseThrow(() -> Problems.conflict("nobody has the floor"));
        if (!speech.personId.equals(access.person())) {
            meetings.requireChair(meeting);
        }
        SpeakingLimits limits = settings.speaking();
        long elapsed = Duration.between(speech.startedAt, clock.instant()).toSeconds();
        speech.endedAt = clock.instant();
        speech.seconds = limits.recordedSeconds(elapsed);
        speech.cutOff = limits.cutOff(elapsed);
        audit.record(meeting.communityCode, "FLOOR_ENDED", "motion", speech.motionId, speech.personId + " spoke " + speech.seconds + " s"
                + (speech.cutOff ? " (cut off)" : ""), meetingId);
        return new SpeechView(speech.personId, speech.side, speech.seconds, speech.cutOff, limits.secondsPerTurn());
    }

    // D13: the innermost question is put to the vote (amendment first); D8: a fresh ballot box, issuing credentials
    public Views.BallotBoxView putToVote(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        meetings.requireChair(meeting);
        meetings.requireInSession(meeting);
        Rules.enforce(RobertsRules.putToVote(meetings.floor(meeting), motionId.toString()));
        meetings.requireQuorum(meeting);
        motion.status = MotionStatus.VOTING;
        floorRequestRepository.clear(motionId);
        audit.record(meeting.communityCode, "VOTE_OPENED", "motion", motionId, "secret ballot, issuing credentials", meeting.id);
        return ballots.open(motion, meeting);
    }

    // D7 + D8: close the box, count, decide; a passed main motion becomes a resolution in publicity, a failed one is announced
    public MotionView closeVote(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        MeetingEntity meeting = meetings.locked(motion.meetingId);
        meetings.requireChair(meeting);
        Rules.enforce(RobertsRules.closeVote(motion.status));
        meetings.requireQuorum(meeting);
        int membership = seatRepository.membership(meeting.councilId);
        Tally tally = ballots.close(motion);
        PassingRule.Outcome outcome = PassingRule.decide(tally.yes(), tally.no(), membership);
        motion.yes = tally.yes();
        motion.no = tally.no();
        motion.abstain = tally.abstain();
        motion.membership = membership;
        motion.status = outcome.passed() ? MotionStatus.PASSED : MotionStatus.FAILED;
        motion.resultReason = outcome.reason();
        motion.decidedAt = clock.instant();
        audit.record(meeting.communityCode, "VOTE_CLOSED", "motion", motionId, motion.status + ": " + motion.yes + " yes, " + motion.no
                + " no, " + motion.abstain + " abstain of " + membership, meeting.id);
        if (motion.amendment()) {
            if (outcome.passed()) {
                MotionEntity main = meetings.motion(motion.parentId);
                main.text = motion.text; // an amendment carries the full amended wording
            }
            return view(motion);
        }
        AgendaItemEntity item = agendaItemRepository.findById(motion.itemId);
        item.status = item.status.done();
        ProposalEntity proposal = proposalRepository.findById(item.proposalId);
        proposal.status = ProposalStatus.DECIDED;
        if (outcome.passed()) {
            resolutions.publish(meeting, motion, proposal);
        } else {
            resolutions.announceRejection(meeting, motion, proposal);
        }
        return view(motion);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MotionView get(UUID motionId) {
        MotionEntity motion = meetings.motion(motionId);
        access.requireReader(meetings.find(motion.meetingId).communityCode);
        return view(motion);
    }

    private MotionEntity newMotion(MeetingEntity meeting, UUID itemId, UUID parentId, String text, String mover) {
        MotionEntity motion = new MotionEntity();
        motion.id = UUID.randomUUID();
        motion.meetingId = meeting.id;
        motion.itemId = itemId;
        motion.parentId = parentId;
        motion.text = text;
        motion.movedBy = mover;
        motion.status = MotionStatus.DEBATE;
        motion.movedAt = clock.instant();
        motionRepository.persist(motion);
        return motion;
    }

    private static int nextSeq(OptionalInt requests, OptionalInt speeches) {
        return Math.max(requests.orElse(0), speeches.orElse(0)) + 1;
    }

    static MotionView view(MotionEntity m) {
        return new MotionView(m.id, m.meetingId, m.itemId, m.parentId, m.text, m.movedBy, m.status, m.yes, m.no, m.abstain,
                m.membership, m.resultReason, m.decidedAt);
    }
}

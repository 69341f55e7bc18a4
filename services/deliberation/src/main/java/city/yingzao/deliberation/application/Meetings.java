package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.AgendaItemRepository;
import city.yingzao.deliberation.infrastructure.AttendanceRepository;
import city.yingzao.deliberation.infrastructure.MeetingRepository;
import city.yingzao.deliberation.infrastructure.MotionRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.infrastructure.SpeechRepository;
import city.yingzao.deliberation.domain.ItemState;
import city.yingzao.deliberation.domain.MotionStatus;
import city.yingzao.deliberation.domain.RobertsRules;
import city.yingzao.deliberation.infrastructure.AgendaItemEntity;
import city.yingzao.deliberation.infrastructure.AttendanceEntity;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.deliberation.infrastructure.SeatEntity;
import city.yingzao.deliberation.infrastructure.SpeechEntity;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What every meeting action reads first: the meeting (locked, so actions on one meeting happen one
 * after another), who is present, whether the meeting is quorate (D6), the state of the floor (D13),
 * and whether the caller may act as chair or as a member.
 */
@ApplicationScoped
class Meetings {

    @Inject
    AgendaItemRepository agendaItemRepository;

    @Inject
    AttendanceRepository attendanceRepository;

    @Inject
    MeetingRepository meetingRepository;

    @Inject
    MotionRepository motionRepository;

    @Inject
    SeatRepository seatRepository;

    @Inject
    SpeechRepository speechRepository;

    @Inject
    Access access;

    @Inject
    DeliberationSettings settings;

    MeetingEntity locked(UUID meetingId) {
        return meetingRepository.requireLocked(meetingId);
    }

    MeetingEntity find(UUID meetingId) {
        return meetingRepository.findByIdOptional(meetingId)
                .orElseThrow(() -> Problems.notFound("meeting", String.valueOf(meetingId)));
    }

    MotionEntity motion(UUID motionId) {
        return motionRepository.findByIdOptional(motionId)
                .orElseThrow(() -> Problems.notFound("motion", String.valueOf(motionId)));
    }

    /** Members present now: signed in, not left, and holding a seat on the council. */
    Set<String> present(MeetingEntity meeting) {
        Set<String> seated = seated(meeting);
        return attendanceRepository.present(meeting.id).stream().filter(seated::contains).collect(Collectors.toSet());
    }

    Set<String> seated(MeetingEntity meeting) {
        return seatRepository.active(meeting.councilId).stream()
                .map(s -> s.personId).collect(Collectors.toSet());
    }

    // D6: nothing is debated or voted without 4/5 of the full membership present
    void requireQuorum(MeetingEntity meeting) {
        Rules.enforce(settings.quorum().check(present(meeting).size(), seatRepository.membership(meeting.councilId)));
    }

    void requireInSession(MeetingEntity meeting) {
        if (!meeting.status.inSession()) {
            throw Problems.conflict("meeting " + meeting.id + " is closed");
        }
    }

    // D13: chair actions are the designated chair's alone; staff and the city operator are not chairs unless designated
    void requireChair(MeetingEntity meeting) {
        access.require(access.person().equals(meeting.chairPersonId), "the chair of meeting " + meeting.id);
    }

    /** A member of this council, signed in and present. */
    String requirePresentMember(MeetingEntity meeting) {
        access.require(access.seatOn(meeting.councilId), "council " + meeting.councilId);
        String person = access.person();
        if (!present(meeting).contains(person)) {
            throw Problems.conflict(person + " is not signed in at meeting " + meeting.id + ": sign in first");
        }
        return person;
    }

    boolean isChair(MeetingEntity meeting, String person) {
        return person.equals(meeting.chairPersonId);
    }

    Optional<AgendaItemEntity> openItem(UUID meetingId) {
        return agendaItemRepository.open(meetingId);
    }

    /** The innermost pending motion of the open item: the pending amendment if there is one, else the main motion. */
    Optional<MotionEntity> question(UUID meetingId) {
        List<MotionEntity> pending = motionRepository.ofMeeting(meetingId, List.of(MotionStatus.DEBATE, MotionStatus.VOTING));
        return pending.stream().filter(MotionEntity::amendment).findFirst().or(() -> pending.stream().findFirst());
    }

    Optional<SpeechEntity> speaking(UUID motionId) {
        return speechRepository.current(motionId);
    }

    RobertsRules.Floor floor(MeetingEntity meeting) {
        Optional<MotionEntity> question = question(meeting.id);
        return new RobertsRules.Floor(openItem(meeting.id).map(i -> i.id.toString()),
                question.map(q -> new RobertsRules.Question(q.id.toString(), q.amendment(), q.status)),
                question.flatMap(q -> speaking(q.id)).isPresent());
    }
}

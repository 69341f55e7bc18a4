package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.AgendaItemRepository;
import city.yingzao.deliberation.infrastructure.AttendanceRepository;
import city.yingzao.deliberation.infrastructure.CouncilRepository;
import city.yingzao.deliberation.infrastructure.FloorRequestRepository;
import city.yingzao.deliberation.infrastructure.MeetingRepository;
import city.yingzao.deliberation.infrastructure.ProposalRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.application.Commands.ScheduleMeeting;
import city.yingzao.deliberation.application.Views.AttendeeView;
import city.yingzao.deliberation.application.Views.FloorView;
import city.yingzao.deliberation.application.Views.ItemView;
import city.yingzao.deliberation.application.Views.MeetingView;
import city.yingzao.deliberation.application.Views.WaitingView;
import city.yingzao.deliberation.domain.ItemState;
import city.yingzao.deliberation.domain.MeetingState;
import city.yingzao.deliberation.domain.PartyReviewPolicy;
import city.yingzao.deliberation.domain.ProposalStatus;
import city.yingzao.deliberation.domain.RobertsRules;
import city.yingzao.deliberation.domain.SeparationOfRolesPolicy;
import city.yingzao.deliberation.infrastructure.AgendaItemEntity;
import city.yingzao.deliberation.infrastructure.AttendanceEntity;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Meetings 议事会议 (D6, D13): scheduled by staff with approved proposals as agenda items and a
 * neutral chair; members sign in (themselves, or staff for them) and may leave; the chair opens one
 * item at a time when the meeting is quorate; minutes are generated from the record and published.
 */
@ApplicationScoped
@Transactional
public class MeetingService {

    @Inject
    AgendaItemRepository agendaItemRepository;

    @Inject
    AttendanceRepository attendanceRepository;

    @Inject
    CouncilRepository councilRepository;

    @Inject
    FloorRequestRepository floorRequestRepository;

    @Inject
    MeetingRepository meetingRepository;

    @Inject
    ProposalRepository proposalRepository;

    @Inject
    SeatRepository seatRepository;

    @Inject
    ProposalService proposalService;

    @Inject
    Meetings meetings;

    @Inject
    Access access;

    @Inject
    DeliberationSettings settings;

    @Inject
    Minutes minutes;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public MeetingView schedule(UUID councilId, ScheduleMeeting command) {
        CouncilEntity council = councilRepository.require(councilId);
        access.requireStaff(council.communityCode);
        if (!council.constituted()) {
            throw Problems.conflict("council " + councilId + " is not constituted yet");
        }
        MeetingEntity meeting = new MeetingEntity();
        meeting.id = UUID.randomUUID();
        meeting.councilId = councilId;
        meeting.communityCode = council.communityCode;
        meeting.title = command.title();
        meeting.scheduledAt = command.scheduledAt();
        meeting.chairPersonId = command.chairPersonId();
        meeting.status = MeetingState.SCHEDULED;
        meetingRepository.persist(meeting);
        Set<UUID> seen = new HashSet<>();
        int position = 1;
        for (UUID proposalId : command.proposalIds()) {
            if (!seen.add(proposalId)) {
                throw Problems.invalid("proposalIds", "lists proposal " + proposalId + " twice");
            }
            ProposalEntity proposal = proposalRepository.require(proposalId);
            if (!proposal.councilId.equals(councilId)) {
                throw Problems.invalid("proposalIds", "proposal " + proposalId + " was filed for another council");
            }
            // D5: only an approved proposal becomes an agenda item
            Rules.enforce(PartyReviewPolicy.mayBeScheduled(proposalId.toString(), proposal.status));
            // D10/D13: the chair is neutral
            Rules.enforce(SeparationOfRolesPolicy.chair(command.chairPersonId(), proposal.title, proposalService.proposers(proposal)));
            proposal.status = ProposalStatus.SCHEDULED;
            AgendaItemEntity item = new AgendaItemEntity();
            item.id = UUID.randomUUID();
            item.meetingId = meeting.id;
            item.proposalId = proposalId;
            item.position = position++;
            item.status = ItemState.PENDING;
            agendaItemRepository.persist(item);
        }
        audit.record(council.communityCode, "MEETING_SCHEDULED", "meeting", meeting.id, meeting.title + " at " + meeting.scheduledAt
                + ", chair " + meeting.chairPersonId + ", " + command.proposalIds().size() + " item(s)", councilId);
        return view(meeting);
    }

    /** A member signs in (themselves; staff may sign in any member of the council, and are recorded as who did, D6). */
    public MeetingView signIn(UUID meetingId, Optional<String> personId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireInSession(meeting);
        String person = whoFor(meeting, personId);
        AttendanceEntity row = attendanceRepository.of(meetingId, person)
                .orElseGet(() -> {
                    AttendanceEntity fresh = new AttendanceEntity();
                    fresh.meetingId = meetingId;
                    fresh.personId = person;
                    return fresh;
                });
        row.present = true;
        row.signedInAt = clock.instant();
        row.signedInBy = access.person();
        row.leftAt = null;
        attendanceRepository.persist(row);
        audit.record(meeting.communityCode, "ATTENDANCE_SIGNED_IN", "meeting", meetingId, person + " signed in by " + access.person());
        return view(meeting);
    }

    // D6: a member may always leave; if the meeting falls below quorum, what follows is refused until it is quorate again
    public MeetingView leave(UUID meetingId, String personId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireInSession(meeting);
        String person = whoFor(meeting, Optional.of(personId));
        AttendanceEntity row = attendanceRepository.of(meetingId, person)
                .filter(a -> a.present)
                .orElseThrow(() -> Problems.conflict(person + " is not present at meeting " + meetingId));
        row.present = false;
        row.leftAt = clock.instant();
        audit.record(meeting.communityCode, "ATTENDANCE_LEFT", "meeting", meetingId, person + " left");
        return view(meeting);
    }

    // D13 one item at a time; D6 only when quorate
    public MeetingView openItem(UUID meetingId, UUID itemId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireChair(meeting);
        meetings.requireInSession(meeting);
        AgendaItemEntity item = agendaItemRepository.findByIdOptional(itemId)
                .filter(i -> i.meetingId.equals(meetingId))
                .orElseThrow(() -> Problems.notFound("agenda item", meetingId + "/" + itemId));
        Rules.enforce(RobertsRules.openItem(meetings.floor(meeting), itemId.toString(), item.status == ItemState.DONE));
        meetings.requireQuorum(meeting);
        item.status = item.status.open();
        if (meeting.openedAt == null) {
            meeting.openedAt = clock.instant();
        }
        meeting.status = meeting.status.itemOpened();
        audit.record(meeting.communityCode, "ITEM_OPENED", "agenda_item", itemId, "item " + item.position + " opened", meetingId, item.proposalId);
        return view(meeting);
    }

    public MeetingView close(UUID meetingId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireChair(meeting);
        meetings.requireInSession(meeting);
        Rules.enforce(RobertsRules.closeMeeting(meetings.floor(meeting)));
        meetings.openItem(meetingId).ifPresent(i -> i.status = i.status.done());
        meeting.status = meeting.status.close();
        meeting.closedAt = clock.instant();
        audit.record(meeting.communityCode, "MEETING_CLOSED", "meeting", meetingId, null);
        return view(meeting);
    }

    /** Staff cancel a meeting that has not started, with a reason; its proposals are approved again, to be scheduled anew. */
    public MeetingView cancel(UUID meetingId, String reason) {
        MeetingEntity meeting = meetings.locked(meetingId);
        access.requireStaff(meeting.communityCode);
        meeting.status.mayChange().ifPresent(why -> {
            throw Problems.conflict(why.reason());
        });
        meeting.status = meeting.status.cancel();
        meeting.cancelledAt = clock.instant();
        meeting.cancelledBy = access.person();
        meeting.cancelReason = reason.trim();
        audit.record(meeting.communityCode, "MEETING_CANCELLED", "meeting", meetingId, meeting.cancelReason);
        // nothing was discussed: the agenda is released (an item belongs to one meeting) and the proposals wait again
        for (AgendaItemEntity item : agendaItemRepository.ofMeeting(meetingId)) {
            ProposalEntity proposal = proposalRepository.require(item.proposalId);
            if (proposal.status == ProposalStatus.SCHEDULED) {
                proposal.status = ProposalStatus.APPROVED;
            }
            agendaItemRepository.delete(item);
        }
        return view(meeting);
    }

    /** Staff move a meeting that has not started to another time; the time it had is kept. */
    public MeetingView reschedule(UUID meetingId, Instant scheduledAt) {
        MeetingEntity meeting = meetings.locked(meetingId);
        access.requireStaff(meeting.communityCode);
        meeting.status.mayChange().ifPresent(why -> {
            throw Problems.conflict(why.reason());
        });
        if (meeting.rescheduledFrom == null) {
            meeting.rescheduledFrom = meeting.scheduledAt;
        }
        audit.record(meeting.communityCode, "MEETING_RESCHEDULED", "meeting", meetingId, meeting.scheduledAt + " -> " + scheduledAt);
        meeting.scheduledAt = scheduledAt;
        return view(meeting);
    }

    /** The minutes as generated now from the record (a draft until published). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Minutes.MinutesView minutes(UUID meetingId) {
        MeetingEntity meeting = meetings.find(meetingId);
        access.requireReader(meeting.communityCode);
        return meeting.minutesPublishedAt != null ? new Minutes.MinutesView(meetingId, meeting.minutes, meeting.minutesPublishedAt)
                : new Minutes.MinutesView(meetingId, minutes.write(meeting), null);
    }

    public Minutes.MinutesView publishMinutes(UUID meetingId) {
        MeetingEntity meeting = meetings.locked(meetingId);
        meetings.requireChair(meeting);
        meeting.status.mayPublishMinutes().ifPresent(why -> {
            throw Problems.conflict(why.reason());
        });
        if (meeting.minutesPublishedAt == null) {
            meeting.minutes = minutes.write(meeting);
            meeting.minutesPublishedAt = clock.instant();
            audit.record(meeting.communityCode, "MINUTES_PUBLISHED", "meeting", meetingId, null);
        }
        return new Minutes.MinutesView(meetingId, meeting.minutes, meeting.minutesPublishedAt);
    }

    /** Published minutes, for anyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Minutes.MinutesView publishedMinutes(UUID meetingId) {
        MeetingEntity meeting = meetingRepository.findByIdOptional(meetingId)
                .filter(m -> m.minutesPublishedAt != null)
                .orElseThrow(() -> Problems.notFound("published minutes of meeting", String.valueOf(meetingId)));
        return new Minutes.MinutesView(meetingId, meeting.minutes, meeting.minutesPublishedAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingView get(UUID meetingId) {
        MeetingEntity meeting = meetings.find(meetingId);
        access.requireReader(meeting.communityCode);
        return view(meeting);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MeetingView> ofCouncil(UUID councilId) {
        CouncilEntity council = councilRepository.require(councilId);
        access.requireReader(council.communityCode);
        return meetingRepository.ofCouncil(councilId).stream().map(this::view).toList();
    }

    private String whoFor(MeetingEntity meeting, Optional<String> personId) {
        boolean staff = access.staffOf(meeting.communityCode);
        String person = personId.orElse(access.person());
        if (!staff) {
            access.require(access.seatOn(meeting.councilId) && person.equals(access.person()), "attendance of " + person);
        } else if (!meetings.seated(meeting).contains(person)) {
            throw Problems.invalid("personId", person + " holds no seat on this council");
        }
        return person;
    }

    MeetingView view(MeetingEntity m) {
        int membership = seatRepository.membership(m.councilId);
        int present = meetings.present(m).size();
        int needed = settings.quorum().needed(membership);
        // the agenda in two queries whatever its length: the items, then all their proposals
        List<AgendaItemEntity> agenda = agendaItemRepository.ofMeeting(m.id);
        Map<UUID, ProposalEntity> proposals = proposalRepository.byIds(agenda.stream().map(i -> i.proposalId).toList());
        List<ItemView> items = agenda.stream()
                .map(i -> {
                    ProposalEntity p = proposals.get(i.proposalId);
                    return new ItemView(i.id, i.position, p.id, p.title, p.subjectType, p.subjectRef, i.status);
                }).toList();
        List<AttendeeView> attendance = attendanceRepository.ofMeeting(m.id).stream()
                .map(a -> new AttendeeView(a.personId, a.present, a.signedInAt, a.signedInBy, a.leftAt)).toList();
        Optional<MotionEntity> question = meetings.question(m.id);
        Optional<SpeechEntity> speaking = question.flatMap(q -> meetings.speaking(q.id));
        List<WaitingView> waiting = question.map(q -> floorRequestRepository.waiting(q.id)
                .stream().map(w -> new WaitingView(w.personId, w.side)).toList()).orElse(List.of());
        FloorView floor = new FloorView(meetings.openItem(m.id).map(i -> i.id).orElse(null), question.map(q -> q.id).orElse(null),
                speaking.map(s -> s.personId).orElse(null), speaking.map(s -> s.side).orElse(null), waiting);
        return new MeetingView(m.id, m.councilId, m.communityCode, m.title, m.scheduledAt, m.chairPersonId, m.status,
                membership, present, needed, present >= needed, items, attendance, floor, m.minutesPublishedAt);
    }
}

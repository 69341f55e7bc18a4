package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.AgendaItemRepository;
import city.yingzao.deliberation.infrastructure.AttendanceRepository;
import city.yingzao.deliberation.infrastructure.BallotBoxRepository;
import city.yingzao.deliberation.infrastructure.CouncilRepository;
import city.yingzao.deliberation.infrastructure.MotionRepository;
import city.yingzao.deliberation.infrastructure.ProposalRepository;
import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.infrastructure.SpeechRepository;
import city.yingzao.deliberation.domain.PublicityPeriod;
import city.yingzao.deliberation.infrastructure.AgendaItemEntity;
import city.yingzao.deliberation.infrastructure.AttendanceEntity;
import city.yingzao.deliberation.infrastructure.BallotBoxEntity;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.MeetingEntity;
import city.yingzao.deliberation.infrastructure.MotionEntity;
import city.yingzao.deliberation.infrastructure.ProposalEntity;
import city.yingzao.deliberation.infrastructure.SeatEntity;
import city.yingzao.deliberation.infrastructure.SpeechEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Minutes 会议记录 (D13) written from the record alone: attendance, each item with its motions and
 * amendments, who spoke for or against and how long, and each vote's counts and result. Times in
 * Asia/Shanghai. Nobody types them, so they cannot say what did not happen.
 *
 * <p>Minutes are published to anyone, so they never carry login names: a council member is named by
 * their seat ("member 7, group G01": the 7th seat of the council's roster, which members and staff
 * can read), anyone else by their part ("staff").
 */
@ApplicationScoped
public class Minutes {

    @Inject
    AgendaItemRepository agendaItemRepository;

    @Inject
    AttendanceRepository attendanceRepository;

    @Inject
    BallotBoxRepository ballotBoxRepository;

    @Inject
    CouncilRepository councilRepository;

    @Inject
    MotionRepository motionRepository;

    @Inject
    ProposalRepository proposalRepository;

    @Inject
    SeatRepository seatRepository;

    @Inject
    SpeechRepository speechRepository;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PublicityPeriod.CITY_TIME);

    /** Minutes as text; {@code publishedAt} null while they are a draft. */
    public record MinutesView(UUID meetingId, String text, Instant publishedAt) {
    }

    String write(MeetingEntity meeting) {
        CouncilEntity council = councilRepository.findById(meeting.councilId);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(meeting.title).append('\n');
        out.append("Council: ").append(council.name).append(" (").append(council.level).append(", ").append(meeting.communityCode).append(")\n");
        Map<String, String> seats = seatLabels(meeting.councilId);
        java.util.function.Function<String, String> who = person -> person == null ? "-" : seats.getOrDefault(person, "staff");
        out.append("Chair: ").append(who.apply(meeting.chairPersonId)).append('\n');
        out.append("Scheduled: ").append(at(meeting.scheduledAt)).append("; opened: ").append(at(meeting.openedAt))
                .append("; closed: ").append(at(meeting.closedAt)).append(" (Asia/Shanghai)\n");
        List<AttendanceEntity> attendance = attendanceRepository.ofMeeting(meeting.id);
        out.append("Members: ").append(seatRepository.membership(meeting.councilId)).append("; signed in: ")
                .append(attendance.stream().map(a -> who.apply(a.personId) + (a.present ? "" : " (left " + at(a.leftAt) + ")")).toList())
                .append('\n');
        // D6: a member signed in by someone else (staff) is recorded as such: who signed whom in, and when
        for (AttendanceEntity a : attendance) {
            if (a.signedInBy != null && !a.signedInBy.equals(a.personId)) {
                out.append("Signed in by staff: ").append(who.apply(a.personId)).append(" signed in by ").append(who.apply(a.signedInBy))
                        .append(" at ").append(at(a.signedInAt)).append('\n');
            }
        }
        for (AgendaItemEntity item : agendaItemRepository.ofMeeting(meeting.id)) {
            ProposalEntity proposal = proposalRepository.findById(item.proposalId);
            out.append("\n## Item ").append(item.position).append(": ").append(proposal.title).append(" [")
                    .append(proposal.subjectType).append(proposal.subjectRef == null ? "" : " " + proposal.subjectRef)
                    .append("; proposed by ").append(proposal.proposerKind)
                    .append(seats.containsKey(proposal.filedBy) ? " (" + seats.get(proposal.filedBy) + ")" : "").append("]\n");
            for (MotionEntity motion : motionRepository.ofItem(item.id)) {
                out.append(motion.amendment() ? "- Amendment" : "- Motion").append(" moved by ").append(who.apply(motion.movedBy))
                        .append(" at ").append(at(motion.movedAt)).append(": \"").append(motion.text).append("\"\n");
                for (SpeechEntity s : speechRepository.ofMotion(motion.id)) {
                    out.append("  - ").append(who.apply(s.personId)).append(" spoke ").append(s.side).append(" for ")
                            .append(s.seconds == null ? "(speaking)" : s.seconds + " s").append(s.cutOff ? ", cut off at the limit" : "")
                            .append('\n');
                }
                BallotBoxEntity box = ballotBoxRepository.findById(motion.id);
                if (motion.decidedAt != null) {
                    out.append("  - Secret ballot: yes ").append(motion.yes).append(", no ").append(motion.no)
                            .append(", abstain ").append(motion.abstain).append(" of ").append(motion.membership).append(" members")
                            .append(box != null && box.issued != null ? "; credentials issued " + box.issued : "")
                            .append(box != null && box.uncast != null ? "; credentials not used " + box.uncast : "")
                            .append(". ").append(motion.status).append(" (").append(motion.resultReason).append(")\n");
                } else if (motion.status.pending()) {
                    out.append("  - ").append(motion.status).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** "member 7, group G01" for each seat held now, numbered in the council roster's order (by person id). */
    private Map<String, String> seatLabels(UUID councilId) {
        Map<String, String> labels = new java.util.HashMap<>();
        List<SeatEntity> seats = seatRepository.active(councilId);
        for (int i = 0; i < seats.size(); i++) {
            SeatEntity seat = seats.get(i);
            labels.put(seat.personId, "member " + (i + 1) + (seat.groupCode == null ? "" : ", group " + seat.groupCode));
        }
        return labels;
    }

    private static String at(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}

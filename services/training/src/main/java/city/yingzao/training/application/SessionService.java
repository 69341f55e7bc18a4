package city.yingzao.training.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.training.domain.Completion;
import city.yingzao.training.domain.Course;
import city.yingzao.training.domain.Enrolment;
import city.yingzao.training.domain.Learner;
import city.yingzao.training.domain.Meeting;
import city.yingzao.training.domain.Seating;
import city.yingzao.training.domain.SelfMarkCode;
import city.yingzao.training.domain.TrainingSession;
import city.yingzao.training.infrastructure.CatalogueStore;
import city.yingzao.training.infrastructure.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** T3: sessions (cohorts), enrolment with an ordered waitlist, attendance per scheduled meeting, scores and completion. */
@ApplicationScoped
public class SessionService {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SessionStore sessions;

    @Inject
    CatalogueStore catalogue;

    @Inject
    CertificationService certification;

    @Inject
    Access access;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    public record NewMeeting(Instant startsAt, Instant endsAt) {
    }

    public record NewSession(String courseCode, Integer courseVersion, String title, String trainerId, String place, String onlineLink,
                             int capacity, List<NewMeeting> meetings) {
    }

    /** A session with its roster (for its trainer and operators). */
    public record SessionView(TrainingSession session, List<Enrolment> enrolments, Map<String, Integer> attendance) {
    }

    /** Where an enrolment put someone, and who was promoted by a withdrawal. */
    public record EnrolmentResult(String personId, String place, List<String> promoted) {
    }

    /** A learner's progress towards completing a session's course, on demand. */
    public record Progress(String sessionId, String courseCode, int scheduledMeetings, int attended, Integer score, boolean complete,
                           List<Rejection> missing) {
    }

    /** What a trainer shows in the room. */
    public record ShownCode(String code, Instant expiresAt) {
    }

    @Transactional
    public TrainingSession create(NewSession n) {
        Course course = (n.courseVersion() == null ? catalogue.latest(n.courseCode()) : catalogue.course(n.courseCode(), n.courseVersion()))
                .orElseThrow(() -> Problems.notFound("course", n.courseCode() + (n.courseVersion() == null ? "" : " v" + n.courseVersion())));
        String trainer = access.operator() && n.trainerId() != null ? n.trainerId() : access.who();
        if (n.place() == null && n.onlineLink() == null) {
            throw Problems.invalid("place", "a session has a place or an online link");
        }
        List<Meeting> meetings = new ArrayList<>();
        int seq = 1;
        for (NewMeeting m : n.meetings().stream().sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList()) {
            if (!m.endsAt().isAfter(m.startsAt())) {
                throw Problems.invalid("meetings", "a meeting ends after it starts");
            }
            meetings.add(new Meeting(UUID.randomUUID().toString(), seq++, m.startsAt(), m.endsAt()));
        }
        TrainingSession s = new TrainingSession(UUID.randomUUID().toString(), course.code(), course.version(), n.title(), trainer,
                n.place(), n.onlineLink(), n.capacity(), TrainingSession.OPEN, clock.instant(), null, meetings);
        sessions.insert(s);
        return s;
    }

    @Transactional
    public List<TrainingSession> list() {
        return sessions.sessions(access.reader() ? null : access.who(), false, 500);
    }

    @Transactional
    public List<TrainingSession> open() {
        return sessions.sessions(null, true, 500);
    }

    @Transactional
    public SessionView view(String id) {
        TrainingSession s = find(id);
        access.requireReads(s);
        return new SessionView(s, sessions.enrolments(id), sessions.attendanceCounts(id));
    }

    /** The caller enrols themself. */
    @Transactional
    public EnrolmentResult enrolSelf(String id) {
        Learner me = access.self();
        return enrol(id, me, lockOpen(id)).get(0);
    }

    /** An operator or the session's trainer enrols a list of people, in the list's order. */
    @Transactional
    public List<EnrolmentResult> enrolPeople(String id, List<Learner> people) {
        TrainingSession s = lockOpen(id);
        access.requireRuns(s);
        List<EnrolmentResult> results = new ArrayList<>();
        Seating seating = seating(s);
        List<Rejection> refused = new ArrayList<>();
        for (Learner p : people) {
            seating.refusal(p.personId(), s.open()).ifPresent(refused::add);
        }
        RuleViolation.throwIfAny(refused);
        for (Learner p : people) {
            results.addAll(enrol(id, p, s));
        }
        return results;
    }

    private List<EnrolmentResult> enrol(String id, Learner person, TrainingSession s) {
        Seating seating = seating(s);
        seating.refusal(person.personId(), s.open()).ifPresent(r -> {
            throw RuleViolation.of(r);
        });
        Instant now = clock.instant();
        sessions.upsertLearner(person, now);
        Seating.Place place = seating.enrol(person.personId());
        sessions.enrol(id, person.personId(), place == Seating.Place.SEATED ? Enrolment.SEATED : Enrolment.WAITLISTED, access.who(), now);
        return List.of(new EnrolmentResult(person.personId(), place.name(), List.of()));
    }

    @Transactional
    public EnrolmentResult withdrawSelf(String id) {
        return withdraw(lockOpen(id), access.who());
    }

    @Transactional
    public EnrolmentResult withdraw(String id, String personId) {
        TrainingSession s = lockOpen(id);
        access.requireRuns(s);
        return withdraw(s, personId);
    }

    private EnrolmentResult withdraw(TrainingSession s, String personId) {
        Enrolment e = sessions.enrolment(s.id(), personId).filter(x -> !Enrolment.WITHDRAWN.equals(x.state()))
                .orElseThrow(() -> Problems.notFound("enrolment of", personId));
        Seating seating = seating(s);
        List<String> promoted = seating.withdraw(e.personId());
        sessions.setState(s.id(), personId, Enrolment.WITHDRAWN);
        promoted.forEach(p -> sessions.setState(s.id(), p, Enrolment.SEATED));
        return new EnrolmentResult(personId, Enrolment.WITHDRAWN, promoted);
    }

    /** The trainer records who attended one scheduled meeting; each must hold a seat. */
    @Transactional
    public int recordAttendance(String id, int seq, List<String> personIds) {
        TrainingSession s = find(id);
        access.requireRuns(s);
        Meeting m = meeting(s, seq);
        Set<String> seated = seated(s);
        List<Rejection> refused = personIds.stream().filter(p -> !seated.contains(p))
                .map(p -> new Rejection("T3", p + " holds no seat in this session")).toList();
        RuleViolation.throwIfAny(refused);
        int marked = 0;
        for (String p : personIds) {
            if (sessions.markAttendance(m.id(), p, "TRAINER", access.who(), clock.instant())) {
                marked++;
            }
        }
        return marked;
    }

    /** A new self-mark code for a meeting; the previous one stops working. */
    @Transactional
    public ShownCode issueCode(String id, int seq) {
        TrainingSession s = find(id);
        access.requireRuns(s);
        Meeting m = meeting(s, seq);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(config.selfMarkCodeLifetime());
        sessions.issueCode(m.id(), code.toString(), access.who(), now, expires);
        return new ShownCode(code.toString(), expires);
    }

    /** T3: the learner marks their own attendance with the code shown; refused when wrong, replaced, expired or used. */
    @Transactional
    public void selfMark(String id, int seq, String code) {
        TrainingSession s = find(id);
        Meeting m = meeting(s, seq);
        String me = access.who();
        if (!seated(s).contains(me)) {
            throw RuleViolation.of(new Rejection("T3", me + " holds no seat in this session"));
        }
        Optional<SelfMarkCode> shown = sessions.code(m.id(), code == null ? "" : code.trim());
        Instant now = clock.instant();
        Optional<Rejection> refused = shown.isEmpty()
                ? Optional.of(new Rejection("T3", "the code is not the one shown for this meeting"))
                : shown.get().refusal(code, now, sessions.attended(m.id(), me));
        if (refused.isPresent()) {
            throw RuleViolation.of(refused.get());
        }
        sessions.markAttendance(m.id(), me, "SELF", me, now);
    }

    @Transactional
    public void score(String id, String personId, int score) {
        TrainingSession s = find(id);
        access.requireRuns(s);
        if (sessions.score(id, personId, score) == 0) {
            throw RuleViolation.of(new Rejection("T3", personId + " holds no seat in this session"));
        }
    }

    /** The caller's progress, evaluated now over all scheduled meetings. */
    @Transactional
    public Progress progress(String id) {
        TrainingSession s = find(id);
        String me = access.who();
        Enrolment e = sessions.enrolment(id, me).orElseThrow(() -> Problems.notFound("enrolment of", me));
        return progress(s, e, sessions.attendanceCounts(id));
    }

    /** T3: closes the session and evaluates every seated learner; completions may certify or renew (T3). */
    @Transactional
    public List<Progress> close(String id) {
        TrainingSession s = lockOpen(id);
        access.requireRuns(s);
        if (!s.open()) {
            throw Problems.conflict("session " + id + " is already closed");
        }
        Instant now = clock.instant();
        sessions.close(id, now);
        Map<String, Integer> attendance = sessions.attendanceCounts(id);
        List<Progress> results = new ArrayList<>();
        for (Enrolment e : sessions.enrolments(id)) {
            if (!Enrolment.SEATED.equals(e.state())) {
                continue;
            }
            Progress p = progress(s, e, attendance);
            sessions.recordCompletion(id, e.personId(), p.complete(),
                    p.missing().stream().map(Rejection::message).collect(Collectors.joining("; ")));
            if (p.complete()) {
                sessions.insertCompletion(e.personId(), s.courseCode(), s.courseVersion(), id, now);
                certification.evaluate(e.personId(), s.courseCode());
            }
            results.add(p);
        }
        return results;
    }

    private Progress progress(TrainingSession s, Enrolment e, Map<String, Integer> attendance) {
        Course course = catalogue.course(s.courseCode(), s.courseVersion()).orElseThrow();
        Set<String> done = sessions.completions(e.personId()).stream().map(Completion::courseCode).collect(Collectors.toSet());
        int attended = attendance.getOrDefault(e.personId(), 0);
        List<Rejection> missing = new ArrayList<>();
        if (!Enrolment.SEATED.equals(e.state())) {
            missing.add(new Rejection("T3", "not seated (" + e.state() + ")"));
        }
        missing.addAll(course.completion().check(s.meetings().size(), attended, e.score(), done));
        return new Progress(s.id(), s.courseCode(), s.meetings().size(), attended, e.score(), missing.isEmpty(), missing);
    }

    private TrainingSession find(String id) {
        known(id);
        return sessions.session(id).orElseThrow(() -> Problems.notFound("session", id));
    }

    private static void known(String id) {
        if (id == null || !id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw Problems.notFound("session", String.valueOf(id));
        }
    }

    private TrainingSession lockOpen(String id) {
        known(id);
        return sessions.lock(id).orElseThrow(() -> Problems.notFound("session", id));
    }

    private Seating seating(TrainingSession s) {
        List<Enrolment> all = sessions.enrolments(s.id());
        return new Seating(s.capacity(),
                all.stream().filter(e -> Enrolment.SEATED.equals(e.state())).map(Enrolment::personId).toList(),
                all.stream().filter(e -> Enrolment.WAITLISTED.equals(e.state())).map(Enrolment::personId).toList());
    }

    private Set<String> seated(TrainingSession s) {
        return sessions.enrolments(s.id()).stream().filter(e -> Enrolment.SEATED.equals(e.state())).map(Enrolment::personId)
                .collect(Collectors.toSet());
    }

    private static Meeting meeting(TrainingSession s, int seq) {
        return s.meetings().stream().filter(m -> m.seq() == seq).findFirst()
                .orElseThrow(() -> Problems.notFound("meeting", s.id() + "/" + seq));
    }
}

package city.yingzao.training.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import city.yingzao.training.domain.Completion;
import city.yingzao.training.domain.Enrolment;
import city.yingzao.training.domain.Learner;
import city.yingzao.training.domain.Meeting;
import city.yingzao.training.domain.SelfMarkCode;
import city.yingzao.training.domain.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions with their meetings, enrolments, attendance, self-mark codes, completions and learners. */
@ApplicationScoped
public class SessionStore {

    @Inject
    Jdbc jdbc;

    public void insert(TrainingSession s) {
        jdbc.update("""
                insert into training_session (id, course_code, course_version, title, trainer_id, place, online_link, capacity, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.fromString(s.id()), s.courseCode(), s.courseVersion(), s.title(),
                s.trainerId(), s.place(), s.onlineLink(), s.capacity(), s.status(), s.createdAt());
        jdbc.work(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into meeting (id, session_id, seq, starts_at, ends_at) values (?, ?, ?, ?, ?)")) {
                for (Meeting m : s.meetings()) {
                    ps.setObject(1, UUID.fromString(m.id()));
                    ps.setObject(2, UUID.fromString(s.id()));
                    ps.setInt(3, m.seq());
                    ps.setObject(4, Jdbc.bindable(m.startsAt()));
                    ps.setObject(5, Jdbc.bindable(m.endsAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<TrainingSession> session(String id) {
        return jdbc.one("select * from training_session where id = ?", this::session, UUID.fromString(id));
    }

    /** Locks the session row: enrolments, withdrawals and closing of one session go one at a time. */
    public Optional<TrainingSession> lock(String id) {
        return jdbc.one("select * from training_session where id = ? for update", this::session, UUID.fromString(id));
    }

    public List<TrainingSession> sessions(String trainerId, boolean openOnly, int limit) {
        return jdbc.list("""
                select * from training_session where (cast(? as varchar) is null or trainer_id = ?) and (not ? or status = 'OPEN')
                order by created_at desc limit ?""", this::session, trainerId, trainerId, openOnly, limit);
    }

    public void close(String id, Instant at) {
        jdbc.update("update training_session set status = 'CLOSED', closed_at = ? where id = ?", at, UUID.fromString(id));
    }

    public List<Enrolment> enrolments(String sessionId) {
        return jdbc.list("""
                select e.*, l.display_name from enrolment e left join learner l on l.person_id = e.person_id
                where e.session_id = ? order by e.queue_position""", SessionStore::enrolment, UUID.fromString(sessionId));
    }

    public List<Enrolment> enrolmentsOf(String personId) {
        return jdbc.list("""
                select e.*, l.display_name from enrolment e left join learner l on l.person_id = e.person_id
                where e.person_id = ? order by e.enrolled_at desc""", SessionStore::enrolment, personId);
    }

    public Optional<Enrolment> enrolment(String sessionId, String personId) {
        return jdbc.one("""
                select e.*, l.display_name from enrolment e left join learner l on l.person_id = e.person_id
                where e.session_id = ? and e.person_id = ?""", SessionStore::enrolment, UUID.fromString(sessionId), personId);
    }

    /** Enrols, or enrols again after a withdrawal (at the end of the queue). */
    public void enrol(String sessionId, String personId, String state, String by, Instant at) {
        jdbc.update("""
                insert into enrolment (session_id, person_id, state, enrolled_by, enrolled_at) values (?, ?, ?, ?, ?)
                on conflict (session_id, person_id) do update set state = excluded.state, queue_position = nextval('enrolment_order'),
                    enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at""",
                UUID.fromString(sessionId), personId, state, by, at);
    }

    public void setState(String sessionId, String personId, String state) {
        jdbc.update("update enrolment set state = ? where session_id = ? and person_id = ?", state, UUID.fromString(sessionId), personId);
    }

    public int score(String sessionId, String personId, int score) {
        return jdbc.update("update enrolment set score = ? where session_id = ? and person_id = ? and state = 'SEATED'", score,
                UUID.fromString(sessionId), personId);
    }

    public void recordCompletion(String sessionId, String personId, boolean completed, String note) {
        jdbc.update("update enrolment set completed = ?, completion_note = ? where session_id = ? and person_id = ?", completed, note,
                UUID.fromString(sessionId), personId);
    }

    /** Attendance per person over the session's meetings. */
    public Map<String, Integer> attendanceCounts(String sessionId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.list("""
                select a.person_id, count(*) as n from attendance a join meeting m on m.id = a.meeting_id
                where m.session_id = ? group by a.person_id""", rs -> counts.put(rs.getString("person_id"), rs.getInt("n")),
                UUID.fromString(sessionId));
        return counts;
    }

    public boolean attended(String meetingId, String personId) {
        return jdbc.one("select 1 from attendance where meeting_id = ? and person_id = ?", rs -> 1, UUID.fromString(meetingId), personId)
                .isPresent();
    }

    public boolean markAttendance(String meetingId, String personId, String how, String by, Instant at) {
        return jdbc.update("insert into attendance (meeting_id, person_id, how, marked_by, marked_at) values (?, ?, ?, ?, ?) on conflict do nothing",
                UUID.fromString(meetingId), personId, how, by, at) == 1;
    }

    public void issueCode(String meetingId, String code, String by, Instant at, Instant expiresAt) {
        jdbc.update("update self_mark_code set current = false where meeting_id = ?", UUID.fromString(meetingId));
        jdbc.update("insert into self_mark_code (meeting_id, code, issued_by, issued_at, expires_at, current) values (?, ?, ?, ?, ?, true)",
                UUID.fromString(meetingId), code, by, at, expiresAt);
    }

    public Optional<SelfMarkCode> code(String meetingId, String code) {
        return jdbc.one("select * from self_mark_code where meeting_id = ? and code = upper(?)",
                rs -> new SelfMarkCode(rs.getString("meeting_id"), rs.getString("code"), Jdbc.instant(rs, "issued_at"),
                        Jdbc.instant(rs, "expires_at"), rs.getBoolean("current")), UUID.fromString(meetingId), code);
    }

    public List<Completion> completions(String personId) {
        return jdbc.list("select * from completion where person_id = ? order by completed_at",
                rs -> new Completion(rs.getString("course_code"), rs.getInt("course_version"), Jdbc.instant(rs, "completed_at")), personId);
    }

    public boolean insertCompletion(String personId, String courseCode, int version, String sessionId, Instant at) {
        return jdbc.update("""
                insert into completion (person_id, course_code, course_version, session_id, completed_at) values (?, ?, ?, ?, ?)
                on conflict (person_id, course_code, course_version) do update set session_id = excluded.session_id,
                    completed_at = excluded.completed_at""",
                personId, courseCode, version, sessionId == null ? null : UUID.fromString(sessionId), at) == 1;
    }

    public void upsertLearner(Learner l, Instant at) {
        jdbc.update("""
                insert into learner (person_id, display_name, organisation, updated_at) values (?, ?, ?, ?)
                on conflict (person_id) do update set display_name = excluded.display_name, organisation = excluded.organisation,
                    updated_at = excluded.updated_at""", l.personId(), l.displayName(), l.organisation(), at);
    }

    public Optional<Learner> learner(String personId) {
        return jdbc.one("select * from learner where person_id = ?",
                rs -> new Learner(rs.getString("person_id"), rs.getString("display_name"), rs.getString("organisation")), personId);
    }

    private TrainingSession session(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<Meeting> meetings = jdbc.list("select * from meeting where session_id = ? order by seq",
                m -> new Meeting(m.getString("id"), m.getInt("seq"), Jdbc.instant(m, "starts_at"), Jdbc.instant(m, "ends_at")),
                UUID.fromString(id));
        return new TrainingSession(id, rs.getString("course_code"), rs.getInt("course_version"), rs.getString("title"),
                rs.getString("trainer_id"), rs.getString("place"), rs.getString("online_link"), rs.getInt("capacity"),
                rs.getString("status"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "closed_at"), meetings);
    }

    static Enrolment enrolment(ResultSet rs) throws SQLException {
        Object completed = rs.getObject("completed");
        return new Enrolment(rs.getString("session_id"), rs.getString("person_id"), rs.getString("display_name"), rs.getString("state"),
                rs.getLong("queue_position"), Jdbc.instant(rs, "enrolled_at"), Jdbc.integer(rs, "score"),
                completed == null ? null : (Boolean) completed, rs.getString("completion_note"));
    }
}

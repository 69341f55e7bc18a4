package city.yingzao.evaluation.infrastructure;

import city.yingzao.evaluation.domain.EvaluationKind;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.kernel.persistence.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Projects as grants published them, evaluations, assignments with their audit, moderation notes, responses, appeals. */
@ApplicationScoped
public class EvaluationStore {

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkStore frameworks;

    @Inject
    ObjectMapper json;

    public record ProjectRow(String projectId, String callId, String applicationId, String title, String organisationCode,
                             String targetCode, String districtCode, LocalDate startsOn, LocalDate endsOn,
                             List<String> reviewerIds, List<String> supervisionTeam, Instant closedAt) {
    }

    public record EvaluationRow(UUID id, String projectId, String callId, String organisationCode, String communityCode,
                                EvaluationKind kind, String title, String frameworkVersion, LocalDate visibleFrom,
                                LocalDate windowOpensOn, LocalDate windowClosesOn, int evaluatorsWanted, int appealWindowDays,
                                EvaluationStatus status, String createdBy, Instant createdAt, String cancelledReason,
                                Instant releasedAt, String releasedBy, Instant appealClosesAt, StoredResult result,
                                Instant completedAt, long revision) {
    }

    /** The result as released (E6): what EvaluationCompleted carries. */
    public record StoredResult(List<StoredDomainScore> domainScores, java.math.BigDecimal overall, String grade, boolean passed,
                               boolean flagged) {
    }

    public record StoredDomainScore(String domain, java.math.BigDecimal score) {
    }

    public record AssignmentRow(String evaluatorId, boolean active, String assignedBy, Instant assignedAt, String removedBy,
                                Instant removedAt, String removedReason) {
    }

    public record AssignmentChange(String evaluatorId, String action, String changedBy, Instant changedAt, String reason) {
    }

    public record ModerationNote(String moderator, String note, Instant notedAt) {
    }

    public record Response(String text, String respondedBy, Instant respondedAt) {
    }

    public record Appeal(String reason, String openedBy, Instant openedAt, Boolean upheld, String decisionReason,
                         String decidedBy, Instant decidedAt) {
    }

    // --- projects ---

    /**
     * A started project (ProjectStarted): its start again, under another event id, changes nothing newer
     * (the team decided later stands, {@code updated_at} never goes back, a closed project stays closed).
     */
    public void upsertProject(ProjectRow p, Instant at) {
        jdbc.update("""
                insert into project (project_id, call_id, application_id, title, organisation_code, target_code, district_code,
                                     starts_on, ends_on, reviewer_ids, supervision_team, team_changed_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id) do update set call_id = excluded.call_id, title = excluded.title,
                    organisation_code = excluded.organisation_code, target_code = excluded.target_code,
                    district_code = excluded.district_code, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                    reviewer_ids = excluded.reviewer_ids,
                    supervision_team = case when project.team_changed_at is null or project.team_changed_at <= excluded.team_changed_at
                        then excluded.supervision_team else project.supervision_team end,
                    team_changed_at = greatest(project.team_changed_at, excluded.team_changed_at),
                    updated_at = greatest(project.updated_at, excluded.updated_at)""",
                p.projectId(), p.callId(), p.applicationId(), p.title(), p.organisationCode(), p.targetCode(), p.districtCode(),
                p.startsOn(), p.endsOn(), p.reviewerIds().toArray(String[]::new), p.supervisionTeam().toArray(String[]::new), at, at);
    }

    /**
     * The whole team as it is now (SupervisionTeamChanged); false when the project is not known here or
     * holds a team decided later (an older change arriving late changes nothing).
     */
    public boolean replaceTeam(String projectId, List<String> team, Instant at) {
        return jdbc.update("""
                update project set supervision_team = ?, team_changed_at = ?, updated_at = greatest(updated_at, ?)
                where project_id = ? and (team_changed_at is null or team_changed_at <= ?)""",
                team.toArray(String[]::new), at, at, projectId, at) == 1;
    }

    public void closeProject(String projectId, String outcome, Instant at) {
        jdbc.update("update project set closed_at = ?, outcome = ?, updated_at = greatest(updated_at, ?) where project_id = ?", at, outcome,
                at, projectId);
    }

    public Optional<ProjectRow> project(String projectId) {
        return jdbc.one("select * from project where project_id = ?", rs -> new ProjectRow(rs.getString("project_id"),
                rs.getString("call_id"), rs.getString("application_id"), rs.getString("title"), rs.getString("organisation_code"),
                rs.getString("target_code"), rs.getString("district_code"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), Jdbc.texts(rs, "reviewer_ids"), Jdbc.texts(rs, "supervision_team"),
                Jdbc.instant(rs, "closed_at")), projectId);
    }

    // --- evaluations ---

    /** Inserts unless the project already has an evaluation of this kind; true when inserted. */
    public boolean insert(EvaluationRow e) {
        frameworks.markUsed(e.frameworkVersion(), e.createdAt());
        return jdbc.update("""
                insert into evaluation (id, project_id, call_id, organisation_code, community_code, kind, title, framework_version,
                                        visible_from, window_opens_on, window_closes_on, evaluators_wanted, appeal_window_days,
                                        status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""",
                e.id(), e.projectId(), e.callId(), e.organisationCode(), e.communityCode(), e.kind(), e.title(), e.frameworkVersion(),
                e.visibleFrom(), e.windowOpensOn(), e.windowClosesOn(), e.evaluatorsWanted(), e.appealWindowDays(), e.status(),
                e.createdBy(), e.createdAt()) == 1;
    }

    public Optional<EvaluationRow> find(UUID id) {
        return jdbc.one("select * from evaluation where id = ?", this::evaluation, id);
    }

    /** The evaluation, its row locked until the transaction ends: every change of an evaluation goes through here. */
    public Optional<EvaluationRow> lock(UUID id) {
        return jdbc.one("select * from evaluation where id = ? for update", this::evaluation, id);
    }

    public List<EvaluationRow> ofProject(String projectId) {
        return jdbc.list("select * from evaluation where project_id = ? order by window_opens_on, created_at", this::evaluation, projectId);
    }

    /** A filtered page of evaluations; every filter may be null. */
    public List<EvaluationRow> list(String organisationCode, String evaluatorId, String callId, String status, boolean flaggedOnly,
            int limit) {
        StringBuilder sql = new StringBuilder("select e.* from evaluation e where true");
        List<Object> p = new ArrayList<>();
        if (organisationCode != null) {
            sql.append(" and e.organisation_code = ?");
            p.add(organisationCode);
        }
        if (evaluatorId != null) {
            sql.append(" and exists (select 1 from assignment a where a.evaluation_id = e.id and a.evaluator_id = ? and a.active)");
            p.add(evaluatorId);
        }
        if (callId != null) {
            sql.append(" and e.call_id = ?");
            p.add(callId);
        }
        if (status != null) {
            sql.append(" and e.status = ?");
            p.add(status);
        }
        if (flaggedOnly) {
            sql.append(" and e.id = any(?)");
            p.add(flaggedCandidates().toArray(UUID[]::new));
        }
        sql.append(" order by e.window_opens_on, e.created_at limit ?");
        p.add(limit);
        return jdbc.list(sql.toString(), this::evaluation, p.toArray());
    }

    /** Evaluations with at least two submitted sheets: those a moderator may have to look at. */
    private List<UUID> flaggedCandidates() {
        return jdbc.list("""
                select s.evaluation_id from sheet s join assignment a on a.evaluation_id = s.evaluation_id and a.evaluator_id = s.evaluator_id
                where a.active and s.status = 'SUBMITTED' group by s.evaluation_id having count(*) >= 2""",
                rs -> (UUID) rs.getObject(1));
    }

    public List<EvaluationRow> ofCall(String callId, EvaluationKind kind) {
        return jdbc.list("select * from evaluation where call_id = ? and kind = ? and status <> 'CANCELLED' order by id",
                this::evaluation, callId, kind);
    }

    public List<EvaluationRow> releasedOfProject(String projectId) {
        return jdbc.list("select * from evaluation where project_id = ? and released_at is not null and status <> 'CANCELLED'"
                + " order by released_at", this::evaluation, projectId);
    }

    public void setStatus(UUID id, EvaluationStatus status) {
        jdbc.update("update evaluation set status = ?, revision = revision + 1 where id = ?", status, id);
    }

    public void cancel(UUID id, String reason) {
        jdbc.update("update evaluation set status = 'CANCELLED', cancelled_reason = ?, revision = revision + 1 where id = ?", reason, id);
    }

    public void release(UUID id, String by, Instant at, Instant appealClosesAt, StoredResult result) {
        jdbc.update("""
                update evaluation set status = 'RELEASED', released_by = ?, released_at = ?, appeal_closes_at = ?, result = ?,
                    revision = revision + 1 where id = ?""", by, at, appealClosesAt, frameworks.toJsonb(result), id);
    }

    /** A re-score after an upheld appeal: the new result, final at once. */
    public void rerelease(UUID id, String by, Instant at, StoredResult result) {
        jdbc.update("update evaluation set status = 'FINAL', released_by = ?, released_at = ?, result = ?, completed_at = ?,"
                + " revision = revision + 1 where id = ?", by, at, frameworks.toJsonb(result), at, id);
    }

    public void complete(UUID id, Instant at) {
        jdbc.update("update evaluation set status = 'FINAL', completed_at = ?, revision = revision + 1 where id = ?", at, id);
    }

    /**
     * Released evaluations whose appeal window closed, locked and skipped by anyone else looking at
     * the same time: two replicas running the job never take the same evaluation.
     */
    public List<UUID> lockDueWindows(Instant now, int limit) {
        return jdbc.list("""
                select id from evaluation where status = 'RELEASED' and appeal_closes_at <= ?
                order by appeal_closes_at limit ? for update skip locked""", rs -> (UUID) rs.getObject(1), now, limit);
    }

    // --- assignments ---

    public List<AssignmentRow> assignments(UUID evaluationId) {
        return jdbc.list("select * from assignment where evaluation_id = ? order by assigned_at, evaluator_id", rs -> new AssignmentRow(
                rs.getString("evaluator_id"), rs.getBoolean("active"), rs.getString("assigned_by"), Jdbc.instant(rs, "assigned_at"),
                rs.getString("removed_by"), Jdbc.instant(rs, "removed_at"), rs.getString("removed_reason")), evaluationId);
    }

    public List<String> activeEvaluators(UUID evaluationId) {
        return activeEvaluators(List.of(evaluationId)).getOrDefault(evaluationId, List.of());
    }

    /** The active evaluators of every evaluation listed, in one query (a list view must not ask once per evaluation). */
    public Map<UUID, List<String>> activeEvaluators(List<UUID> evaluationIds) {
        Map<UUID, List<String>> evaluators = new HashMap<>();
        if (evaluationIds.isEmpty()) {
            return evaluators;
        }
        jdbc.list("select evaluation_id, evaluator_id from assignment where evaluation_id = any(?) and active order by evaluator_id",
                rs -> evaluators.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>()).add(rs.getString(2)),
                (Object) evaluationIds.toArray(UUID[]::new));
        return evaluators;
    }

    /**
     * How many evaluations of the city hold a result the organisation sees, per grade: one GROUP BY, whatever the number
     * of evaluations (the operators' dashboard).
     */
    public Map<String, Long> gradeCounts() {
        String[] shown = Arrays.stream(EvaluationStatus.values()).filter(EvaluationStatus::visibleToOrganisation)
                .map(Enum::name).toArray(String[]::new);
        Map<String, Long> counts = new HashMap<>();
        jdbc.list("select result ->> 'grade', count(*) from evaluation where status = any(?) and result ->> 'grade' is not null group by 1",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), (Object) shown);
        return counts;
    }

    public void assign(UUID evaluationId, String evaluatorId, String by, Instant at, String reason) {
        jdbc.update("""
                insert into assignment (evaluation_id, evaluator_id, active, assigned_by, assigned_at) values (?, ?, true, ?, ?)
                on conflict (evaluation_id, evaluator_id) do update set active = true, assigned_by = excluded.assigned_by,
                    assigned_at = excluded.assigned_at, removed_by = null, removed_at = null, removed_reason = null""",
                evaluationId, evaluatorId, by, at);
        change(evaluationId, evaluatorId, "ASSIGNED", by, at, reason);
        touch(evaluationId);
    }

    public boolean remove(UUID evaluationId, String evaluatorId, String by, Instant at, String reason) {
        boolean removed = jdbc.update("""
                update assignment set active = false, removed_by = ?, removed_at = ?, removed_reason = ?
                where evaluation_id = ? and evaluator_id = ? and active""", by, at, reason, evaluationId, evaluatorId) == 1;
        if (removed) {
            change(evaluationId, evaluatorId, "REMOVED", by, at, reason);
            touch(evaluationId);
        }
        return removed;
    }

    private void touch(UUID evaluationId) {
        jdbc.update("update evaluation set revision = revision + 1 where id = ?", evaluationId);
    }

    private void change(UUID evaluationId, String evaluatorId, String action, String by, Instant at, String reason) {
        jdbc.update("insert into assignment_change (evaluation_id, evaluator_id, action, changed_by, changed_at, reason)"
                + " values (?, ?, ?, ?, ?, ?)", evaluationId, evaluatorId, action, by, at, reason);
    }

    public List<AssignmentChange> changes(UUID evaluationId) {
        return jdbc.list("select * from assignment_change where evaluation_id = ? order by id", rs -> new AssignmentChange(
                rs.getString("evaluator_id"), rs.getString("action"), rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"),
                rs.getString("reason")), evaluationId);
    }

    /** Open assignments (evaluations not yet released) per evaluator: the workload to balance. */
    public Map<String, Integer> openAssignments(List<String> evaluatorIds) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.list("""
                select a.evaluator_id, count(*) from assignment a join evaluation e on e.id = a.evaluation_id
                where a.active and e.status in ('OPEN', 'RESCORING') and a.evaluator_id = any(?) group by a.evaluator_id""",
                rs -> counts.put(rs.getString(1), rs.getInt(2)), (Object) evaluatorIds.toArray(String[]::new));
        return counts;
    }

    // --- moderation, responses, appeals ---

    public void addModerationNote(UUID evaluationId, String moderator, String note, Instant at) {
        jdbc.update("insert into moderation_note (evaluation_id, moderator, note, noted_at) values (?, ?, ?, ?)",
                evaluationId, moderator, note, at);
    }

    public List<ModerationNote> moderationNotes(UUID evaluationId) {
        return jdbc.list("select * from moderation_note where evaluation_id = ? order by id", rs -> new ModerationNote(
                rs.getString("moderator"), rs.getString("note"), Jdbc.instant(rs, "noted_at")), evaluationId);
    }

    public void addResponse(UUID evaluationId, String text, String by, Instant at) {
        jdbc.update("insert into org_response (evaluation_id, text, responded_by, responded_at) values (?, ?, ?, ?)",
                evaluationId, text, by, at);
    }

    public List<Response> responses(UUID evaluationId) {
        return jdbc.list("select * from org_response where evaluation_id = ? order by id", rs -> new Response(rs.getString("text"),
                rs.getString("responded_by"), Jdbc.instant(rs, "responded_at")), evaluationId);
    }

    public boolean openAppeal(UUID evaluationId, String reason, String by, Instant at) {
        return jdbc.update("insert into appeal (evaluation_id, reason, opened_by, opened_at) values (?, ?, ?, ?) on conflict do nothing",
                evaluationId, reason, by, at) == 1;
    }

    public void decideAppeal(UUID evaluationId, boolean upheld, String reason, String by, Instant at) {
        jdbc.update("update appeal set upheld = ?, decision_reason = ?, decided_by = ?, decided_at = ? where evaluation_id = ?",
                upheld, reason, by, at, evaluationId);
    }

    public Optional<Appeal> appeal(UUID evaluationId) {
        return jdbc.one("select * from appeal where evaluation_id = ?", rs -> new Appeal(rs.getString("reason"), rs.getString("opened_by"),
                Jdbc.instant(rs, "opened_at"), (Boolean) rs.getObject("upheld"), rs.getString("decision_reason"),
                rs.getString("decided_by"), Jdbc.instant(rs, "decided_at")), evaluationId);
    }

    private EvaluationRow evaluation(ResultSet rs) throws SQLException {
        String result = rs.getString("result");
        StoredResult stored = null;
        if (result != null) {
            try {
                stored = json.readValue(result, StoredResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new EvaluationRow((UUID) rs.getObject("id"), rs.getString("project_id"), rs.getString("call_id"),
                rs.getString("organisation_code"), rs.getString("community_code"), EvaluationKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("framework_version"), rs.getObject("visible_from", LocalDate.class),
                rs.getObject("window_opens_on", LocalDate.class), rs.getObject("window_closes_on", LocalDate.class),
                rs.getInt("evaluators_wanted"), rs.getInt("appeal_window_days"), EvaluationStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"), rs.getString("cancelled_reason"),
                Jdbc.instant(rs, "released_at"), rs.getString("released_by"), Jdbc.instant(rs, "appeal_closes_at"), stored,
                Jdbc.instant(rs, "completed_at"), rs.getLong("revision"));
    }
}

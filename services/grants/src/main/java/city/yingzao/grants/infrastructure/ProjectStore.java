package city.yingzao.grants.infrastructure;

import city.yingzao.grants.domain.Attachment;
import city.yingzao.grants.domain.ResearchReport;
import city.yingzao.grants.domain.SupervisionLog;
import city.yingzao.grants.domain.ReleaseRecord;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.ReleaseCondition;
import city.yingzao.grants.domain.SupervisionRole;
import city.yingzao.grants.domain.Tranche;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projects and their agreements, tranches and releases, supervision teams and logs, reports (G4-G6). */
@ApplicationScoped
public class ProjectStore {

    @Inject
    Jdbc jdbc;

    @Inject
    Json json;

    public void insertProject(Project p) {
        jdbc.update("""
                insert into project (id, application_id, call_id, programme_year, title, organisation_code, target_kind, target_code,
                    district_code, pivot_category, awarded_fen, status, framework_version, reviewer_ids, created_at)
                values (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""",
                p.id(), p.applicationId(), p.callId(), p.programmeYear(), p.title(), p.organisationCode(), p.targetKind(), p.targetCode(),
                p.districtCode(), p.pivotCategory(), p.awardedFen(), p.status(), p.frameworkVersion(), jdbc.textArray(p.reviewerIds()));
    }

    public Optional<Project> project(String id) {
        return jdbc.one("select * from project where id::text = ?", ProjectStore::project, id);
    }

    public Optional<Project> lock(String id) {
        return jdbc.one("select * from project where id::text = ? for update", ProjectStore::project, id);
    }

    /** Projects of an organisation, of a target, of a call, or all, by creation. */
    public List<Project> projects(String org, String target, String callId) {
        return jdbc.list("select * from project where (?::varchar is null or organisation_code = ?) and (?::varchar is null or target_code = ?)"
                + " and (?::uuid is null or call_id = ?::uuid) order by created_at, id", ProjectStore::project, org, org, target, target,
                callId, callId);
    }

    public List<Project> projectsSupervisedBy(String personId) {
        return jdbc.list("select p.* from project p where exists (select 1 from supervision_seat s where s.project_id = p.id and s.person_id = ?)"
                + " order by p.created_at, p.id", ProjectStore::project, personId);
    }

    public void sign(String id, Instant at, LocalDate startsOn, LocalDate endsOn) {
        jdbc.update("update project set status = 'RUNNING', agreement_signed_at = ?, starts_on = ?, ends_on = ? where id = ?::uuid",
                at, startsOn, endsOn, id);
    }

    public void close(String id, Project.Status status) {
        jdbc.update("update project set status = ? where id = ?::uuid", status, id);
    }

    static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("application_id"), rs.getString("call_id"), rs.getInt("programme_year"),
                rs.getString("title"), rs.getString("organisation_code"), GrantTarget.valueOf(rs.getString("target_kind")),
                rs.getString("target_code"), rs.getString("district_code"), PivotCategory.valueOf(rs.getString("pivot_category")),
                rs.getLong("awarded_fen"), Project.Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "agreement_signed_at"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("framework_version"),
                Jdbc.strings(rs, "reviewer_ids"));
    }

    public void insertTranche(Tranche t) {
        jdbc.update("insert into tranche (project_id, number, percent, amount_fen, condition, status, hold_reason, updated_at)"
                + " values (?::uuid, ?, ?, ?, ?, ?, ?, now())", t.projectId(), t.number(), t.percent(), t.amountFen(), t.condition(),
                t.status(), t.holdReason());
    }

    public List<Tranche> tranches(String projectId) {
        return jdbc.list("select * from tranche where project_id::text = ? order by number", ProjectStore::tranche, projectId);
    }

    public void setTranche(String projectId, int number, Tranche.Status status, String holdReason) {
        jdbc.update("update tranche set status = ?, hold_reason = ?, updated_at = now() where project_id = ?::uuid and number = ?",
                status, holdReason, projectId, number);
    }

    static Tranche tranche(ResultSet rs) throws SQLException {
        return new Tranche(rs.getString("project_id"), rs.getInt("number"), rs.getInt("percent"), rs.getLong("amount_fen"),
                ReleaseCondition.valueOf(rs.getString("condition")), Tranche.Status.valueOf(rs.getString("status")),
                rs.getString("hold_reason"));
    }

    /**
     * G4: records the release; false when the tranche was released already (the primary key on
     * (project, tranche) refuses a second one, whichever replica or redelivery tries).
     */
    public boolean insertRelease(String projectId, int number, long amountFen, String releasedBy, String actor, String reason,
            String evaluationId, String ledgerEntryId, Instant at) {
        return jdbc.update("""
                insert into tranche_release (project_id, number, amount_fen, released_by, actor, reason, evaluation_id, ledger_entry_id, released_at)
                values (?::uuid, ?, ?, ?, ?, ?, ?, ?::uuid, ?) on conflict (project_id, number) do nothing""",
                projectId, number, amountFen, releasedBy, actor, reason, evaluationId, ledgerEntryId, at) == 1;
    }


    public List<ReleaseRecord> releases(String projectId) {
        return jdbc.list("select * from tranche_release where project_id::text = ? order by number", rs -> new ReleaseRecord(
                rs.getString("project_id"), rs.getInt("number"), rs.getLong("amount_fen"), rs.getString("released_by"),
                rs.getString("reason"), rs.getString("evaluation_id"), Jdbc.instant(rs, "released_at")), projectId);
    }

    public long releasedFen(String projectId) {
        return jdbc.one("select coalesce(sum(amount_fen), 0) from tranche_release where project_id::text = ?", rs -> rs.getLong(1), projectId)
                .orElse(0L);
    }

    public void action(String projectId, int number, String action, String reason, String actor) {
        jdbc.update("insert into tranche_action (project_id, number, action, reason, actor, at) values (?::uuid, ?, ?, ?, ?, now())",
                projectId, number, action, reason, actor);
    }

    public Map<SupervisionRole, String> team(String projectId) {
        Map<SupervisionRole, String> team = new EnumMap<>(SupervisionRole.class);
        jdbc.list("select role, person_id from supervision_seat where project_id::text = ?", rs -> new String[] {rs.getString(1), rs.getString(2)},
                projectId).forEach(s -> team.put(SupervisionRole.valueOf(s[0]), s[1]));
        return team;
    }

    public void seat(String projectId, SupervisionRole role, String personId, String by) {
        jdbc.update("insert into supervision_seat (project_id, role, person_id, assigned_by, assigned_at) values (?::uuid, ?, ?, ?, now())"
                + " on conflict (project_id, role) do update set person_id = excluded.person_id, assigned_by = excluded.assigned_by,"
                + " assigned_at = excluded.assigned_at", projectId, role, personId, by);
    }

    public boolean onTeam(String projectId, String personId) {
        return jdbc.one("select 1 from supervision_seat where project_id::text = ? and person_id = ?", rs -> 1, projectId, personId).isPresent();
    }


    public void insertLog(SupervisionLog l) {
        jdbc.update("insert into supervision_log (id, project_id, type, happened_on, summary, person_id, at) values (?::uuid, ?::uuid, ?, ?, ?, ?, ?)",
                l.id(), l.projectId(), l.type(), l.happenedOn(), l.summary(), l.personId(), l.at());
    }

    public List<SupervisionLog> logs(String projectId, String type) {
        return jdbc.list("select * from supervision_log where project_id::text = ? and (?::varchar is null or type = ?) order by happened_on, at",
                rs -> new SupervisionLog(rs.getString("id"), rs.getString("project_id"), rs.getString("type"),
                        rs.getObject("happened_on", LocalDate.class), rs.getString("summary"), rs.getString("person_id"),
                        Jdbc.instant(rs, "at")), projectId, type, type);
    }



    public void insertReport(ResearchReport r) {
        jdbc.update("insert into research_report (id, project_id, title, period, body, attachments, filed_by, filed_at)"
                + " values (?::uuid, ?::uuid, ?, ?, ?, ?::jsonb, ?, ?)", r.id(), r.projectId(), r.title(), r.period(), r.body(),
                json.write(r.attachments()), r.filedBy(), r.filedAt());
    }

    public boolean reviewReport(String projectId, String reportId, String by, String note) {
        return jdbc.update("update research_report set reviewed_by = ?, reviewed_at = now(), review_note = ? where id::text = ? and project_id::text = ?",
                by, note, reportId, projectId) == 1;
    }

    public List<ResearchReport> reports(String projectId) {
        return jdbc.list("select * from research_report where project_id::text = ? order by filed_at, id", rs -> new ResearchReport(rs.getString("id"),
                rs.getString("project_id"), rs.getString("title"), rs.getString("period"), rs.getString("body"),
                json.read(rs.getString("attachments"), new com.fasterxml.jackson.core.type.TypeReference<List<Attachment>>() { }),
                rs.getString("filed_by"), Jdbc.instant(rs, "filed_at"), rs.getString("reviewed_by"), Jdbc.instant(rs, "reviewed_at"),
                rs.getString("review_note")), projectId);
    }

    /**
     * Keeps the newest state of an evaluation (its result, whether an appeal is open); false when what
     * arrived is older than what is held (an appeal replayed after its decision and the final result), which
     * then changes nothing.
     */
    public boolean recordEvaluation(String evaluationId, String projectId, String kind, Boolean passed, boolean appeal, String grade, Instant at) {
        return jdbc.update("insert into evaluation_result (evaluation_id, project_id, kind, passed, appeal_open, grade, at) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (evaluation_id) do update set passed = coalesce(excluded.passed, evaluation_result.passed),"
                + " appeal_open = excluded.appeal_open, grade = coalesce(excluded.grade, evaluation_result.grade), at = excluded.at"
                + " where evaluation_result.at <= excluded.at",
                evaluationId, projectId, kind, passed, appeal, grade, at) == 1;
    }

    /** The latest evaluation result of a kind for a project. */
    public record EvaluationResult(String evaluationId, String kind, Boolean passed, boolean appealOpen, String grade, Instant at) {
    }

    public Optional<EvaluationResult> latestEvaluation(String projectId, String kind) {
        return jdbc.one("select * from evaluation_result where project_id = ? and kind = ? order by at desc limit 1", rs -> new EvaluationResult(
                rs.getString("evaluation_id"), rs.getString("kind"), (Boolean) rs.getObject("passed"), rs.getBoolean("appeal_open"),
                rs.getString("grade"), Jdbc.instant(rs, "at")), projectId, kind);
    }

    public boolean hasReport(String projectId) {
        return jdbc.one("select 1 from research_report where project_id::text = ? limit 1", rs -> 1, projectId).isPresent();
    }
}

package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.Project;
import city.yingzao.finance.domain.ProjectEnding;
import city.yingzao.finance.domain.ProjectStep;
import city.yingzao.finance.domain.SpendingCategory;
import city.yingzao.finance.domain.StepGate;
import city.yingzao.finance.domain.Urgency;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fund-use projects (F5, F6), the history of their steps, and the council decisions consumed from deliberation. */
@ApplicationScoped
public class ProjectStore {

    @Inject
    Jdbc jdbc;

    /** One step a project reached: when, by whom, with which note. */
    public record StepRecord(int step, String stepName, String note, String changedBy, Instant changedAt) {
    }

    public void insert(Project p) {
        jdbc.update("""
                insert into project (id, community_code, fund_year, title, category, purpose, budget_fen, contribution_fen,
                    urgency, step, paid_fen, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                Jdbc.uuid(p.id()), p.communityCode(), p.fundYear(), p.title(), p.category(), p.purpose(), p.budgetFen(),
                p.contributionFen(), p.urgency(), p.step().number(), p.createdBy(), p.createdAt());
    }

    /** The project, its row locked until the transaction ends when {@code lock}. */
    public Optional<Project> find(String id, boolean lock) {
        return jdbc.one("select * from project where id = ?" + (lock ? " for update" : ""), ProjectStore::project, Jdbc.uuid(id));
    }

    public List<Project> ofCommunity(String communityCode) {
        return jdbc.list("select * from project where community_code = ? order by created_at, id", ProjectStore::project,
                communityCode);
    }

    public List<Project> byIds(List<String> ids) {
        return jdbc.list("select * from project where id = any(?::uuid[])", ProjectStore::project,
                (Object) ids.toArray(String[]::new));
    }

    public void moveTo(String id, ProjectStep step) {
        jdbc.update("update project set step = ? where id = ?", step.number(), Jdbc.uuid(id));
    }

    public void addPaid(String id, long amountFen) {
        jdbc.update("update project set paid_fen = paid_fen + ? where id = ?", amountFen, Jdbc.uuid(id));
    }

    public void recordHearing(String id, String summary, int attendees) {
        jdbc.update("update project set hearing_summary = ?, hearing_attendees = ? where id = ?", summary, attendees, Jdbc.uuid(id));
    }

    public void recordStep(String id, ProjectStep step, String note, String by, Instant at) {
        jdbc.update("insert into project_step (project_id, step, note, changed_by, changed_at) values (?, ?, ?, ?, ?)",
                Jdbc.uuid(id), step.number(), note, by, at);
    }

    public List<StepRecord> steps(String id) {
        return jdbc.list("select * from project_step where project_id = ? order by step",
                rs -> new StepRecord(rs.getInt("step"), ProjectStep.number(rs.getInt("step")).name(), rs.getString("note"),
                        rs.getString("changed_by"), Jdbc.instant(rs, "changed_at")), Jdbc.uuid(id));
    }

    /** The steps of every project of a community, by project id: one query for a whole disclosure page. */
    public java.util.Map<String, List<StepRecord>> stepsOfCommunity(String communityCode) {
        java.util.Map<String, List<StepRecord>> steps = new java.util.HashMap<>();
        jdbc.list("""
                select s.* from project_step s join project p on p.id = s.project_id
                where p.community_code = ? order by s.project_id, s.step""",
                rs -> steps.computeIfAbsent(rs.getString("project_id"), k -> new java.util.ArrayList<>()).add(
                        new StepRecord(rs.getInt("step"), ProjectStep.number(rs.getInt("step")).name(), rs.getString("note"),
                                rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"))), communityCode);
        return steps;
    }

    /** Council decisions about every project of a community, by project id, oldest first: one query. */
    public java.util.Map<String, List<String[]>> decisionsOfCommunity(String communityCode) {
        java.util.Map<String, List<String[]>> decisions = new java.util.HashMap<>();
        jdbc.list("""
                select subject_ref, outcome, decision_id, title, reason from council_decision
                where subject_type = 'FUND_PROJECT' and community_code = ? order by decided_at""",
                rs -> decisions.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(
                        new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}), communityCode);
        return decisions;
    }

    /** F6 step 2: a closed vote round of the project's community had it among its candidates. */
    public boolean closedVoteRoundIncluded(String projectId, String communityCode) {
        return jdbc.one("""
                select 1 from vote_round where community_code = ? and status = 'CLOSED' and ?::uuid = any(candidates) limit 1""",
                rs -> true, communityCode, Jdbc.uuid(projectId)).isPresent();
    }

    /** F6 step 4 (D10): an adopted resolution of the council of the project's community names it as its subject. */
    public boolean resolutionAdopted(String projectId, String communityCode) {
        return jdbc.one("""
                select 1 from council_decision where outcome = 'ADOPTED' and subject_type = 'FUND_PROJECT'
                and subject_ref = ? and community_code = ? and council_level = ? limit 1""",
                rs -> true, projectId, communityCode, StepGate.DECIDING_COUNCIL_LEVEL).isPresent();
    }

    /** Records a council decision once; a second delivery of the same decision changes nothing. */
    public boolean recordDecision(String decisionId, String outcome, String communityCode, String councilLevel,
            String subjectType, String subjectRef, String title, String reason, Instant decidedAt) {
        return jdbc.update("""
                insert into council_decision (decision_id, outcome, community_code, council_level, subject_type, subject_ref,
                    title, reason, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (decision_id) do nothing""",
                decisionId, outcome, communityCode, councilLevel, subjectType, subjectRef, title, reason, decidedAt) == 1;
    }

    /** Council decisions about a project, oldest first: {outcome, decision id, title, reason}. */
    public List<String[]> decisionsAbout(String projectId) {
        return jdbc.list("""
                select outcome, decision_id, title, reason from council_decision
                where subject_type = 'FUND_PROJECT' and subject_ref = ? order by decided_at""",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, projectId);
    }

    static Project project(ResultSet rs) throws SQLException {
        int attendees = rs.getInt("hearing_attendees");
        boolean noHearing = rs.wasNull();
        return new Project(rs.getString("id"), rs.getString("community_code"), rs.getInt("fund_year"), rs.getString("title"),
                SpendingCategory.valueOf(rs.getString("category")), rs.getString("purpose"), rs.getLong("budget_fen"),
                rs.getLong("contribution_fen"), Urgency.valueOf(rs.getString("urgency")),
                ProjectStep.number(rs.getInt("step")), rs.getLong("paid_fen"), rs.getString("hearing_summary"),
                noHearing ? null : attendees, rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getString("ended_as") == null ? null : ProjectEnding.valueOf(rs.getString("ended_as")), rs.getString("ended_reason"));
    }

    /** F6: the project ends withdrawn or rejected, with the reason and who ended it. */
    public void end(String id, ProjectEnding ending, String reason, String by, Instant at) {
        jdbc.update("update project set ended_as = ?, ended_reason = ?, ended_by = ?, ended_at = ? where id = ?",
                ending.name(), reason, by, at, Jdbc.uuid(id));
    }

    /** Whether a council motion on the project failed (MotionRejected, recorded from deliberation). */
    public boolean motionRejected(String projectId, String communityCode) {
        return jdbc.one("""
                select 1 from council_decision where outcome = 'REJECTED' and subject_type = 'FUND_PROJECT'
                and subject_ref = ? and community_code = ? limit 1""", rs -> true, projectId, communityCode).isPresent();
    }
}

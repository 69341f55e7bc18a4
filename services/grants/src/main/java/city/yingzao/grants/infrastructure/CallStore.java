package city.yingzao.grants.infrastructure;

import city.yingzao.grants.domain.TimelineEntry;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.BudgetLine;
import city.yingzao.grants.domain.CallRules;
import city.yingzao.grants.domain.Criterion;
import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.domain.Programme;
import city.yingzao.grants.domain.TeamMember;
import city.yingzao.kernel.persistence.Jdbc;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Programmes, calls, applications and their timelines (G1, G2, G7). */
@ApplicationScoped
public class CallStore {

    @Inject
    Jdbc jdbc;

    @Inject
    Json json;

    public boolean insertProgramme(Programme p, String by) {
        return jdbc.update("insert into programme (year, title, budget_fen, operator_org, created_by, created_at) values (?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", p.year(), p.title(), p.budgetFen(), p.operatorOrg(), by, p.createdAt()) == 1;
    }

    public Optional<Programme> programme(int year) {
        return jdbc.one("select * from programme where year = ?", rs -> new Programme(rs.getInt("year"), rs.getString("title"),
                rs.getLong("budget_fen"), rs.getString("operator_org"), Jdbc.instant(rs, "created_at")), year);
    }

    public long callBudgetsOf(int year) {
        return jdbc.one("select coalesce(sum(budget_fen), 0) from grant_call where programme_year = ?", rs -> rs.getLong(1), year).orElse(0L);
    }

    public void insertCall(GrantCall c, String by) {
        CallRules r = c.rules();
        jdbc.update("""
                insert into grant_call (id, programme_year, title, target_kind, districts_in_scope, pivot_categories, organisation_types,
                    min_registration_months, max_amount_fen, allow_multiple, opens_on, closes_on, budget_fen, rubric, scale_max,
                    reviews_per_application, disagreement_threshold, certificate_scheme, tranche_split, framework_version, status,
                    created_by, created_at)
                values (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.programmeYear(), c.title(), r.targetKind(), jdbc.textArray(r.districtsInScope()),
                jdbc.textArray(r.pivotCategories().stream().map(Enum::name).toList()), jdbc.textArray(r.organisationTypes()),
                r.minRegistrationMonths(), r.maxAmountFen(), r.allowMultiplePerOrganisation(), c.opensOn(), r.closesOn(), c.budgetFen(),
                json.write(c.rubric()), c.scaleMax(), c.reviewsPerApplication(), c.disagreementThreshold(), c.certificateScheme(),
                c.trancheSplit(), c.frameworkVersion(), c.status(), by, c.createdAt());
    }

    public Optional<GrantCall> call(String id) {
        return jdbc.one("select * from grant_call where id = ?::uuid", this::call, id);
    }

    public Optional<GrantCall> lockCall(String id) {
        return jdbc.one("select * from grant_call where id = ?::uuid for update", this::call, id);
    }

    public List<GrantCall> calls(GrantCall.Status status) {
        return jdbc.list("select * from grant_call where ?::varchar is null or status = ? order by closes_on desc, id", this::call,
                status == null ? null : status.name(), status == null ? null : status.name());
    }

    public void setCallStatus(String id, GrantCall.Status status) {
        jdbc.update("update grant_call set status = ? where id = ?::uuid", status, id);
    }

    GrantCall call(ResultSet rs) throws SQLException {
        CallRules rules = new CallRules(GrantTarget.valueOf(rs.getString("target_kind")), new HashSet<>(Jdbc.strings(rs, "districts_in_scope")),
                Jdbc.strings(rs, "pivot_categories").stream().map(PivotCategory::valueOf).collect(Collectors.toSet()),
                new HashSet<>(Jdbc.strings(rs, "organisation_types")), rs.getInt("min_registration_months"), rs.getLong("max_amount_fen"),
                rs.getBoolean("allow_multiple"), rs.getObject("closes_on", LocalDate.class));
        return new GrantCall(rs.getString("id"), rs.getInt("programme_year"), rs.getString("title"), rules,
                rs.getObject("opens_on", LocalDate.class), rs.getLong("budget_fen"),
                json.read(rs.getString("rubric"), new TypeReference<List<Criterion>>() { }), rs.getInt("scale_max"),
                rs.getInt("reviews_per_application"), rs.getDouble("disagreement_threshold"), rs.getString("certificate_scheme"),
                rs.getString("tranche_split"), rs.getString("framework_version"), GrantCall.Status.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "created_at"));
    }

    public void insertApplication(GrantApplication a, String by) {
        jdbc.update("""
                insert into application (id, call_id, organisation_code, target_kind, target_code, district_code, pivot_category, title,
                    requested_fen, budget, team, project_logic, status, submitted_at, created_by, created_at, updated_at)
                values (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                a.id(), a.callId(), a.organisationCode(), a.targetKind(), a.targetCode(), a.districtCode(), a.pivotCategory(), a.title(),
                a.requestedFen(), json.write(a.budget()), json.write(a.team()), a.projectLogic(), a.status(), a.submittedAt(), by,
                a.createdAt(), a.updatedAt());
    }

    public void updateDraft(GrantApplication a) {
        jdbc.update("""
                update application set target_kind = ?, target_code = ?, district_code = ?, pivot_category = ?, title = ?, requested_fen = ?,
                    budget = ?::jsonb, team = ?::jsonb, project_logic = ?, updated_at = ? where id = ?::uuid""",
                a.targetKind(), a.targetCode(), a.districtCode(), a.pivotCategory(), a.title(), a.requestedFen(), json.write(a.budget()),
                json.write(a.team()), a.projectLogic(), a.updatedAt(), a.id());
    }

    public void setStatus(String id, GrantApplication.Status status, Instant submittedAt, String districtCode) {
        jdbc.update("update application set status = ?, submitted_at = coalesce(?, submitted_at), district_code = coalesce(?, district_code),"
                + " updated_at = now() where id = ?::uuid", status, submittedAt, districtCode, id);
    }

    public Optional<GrantApplication> application(String id) {
        return jdbc.one("select * from application where id = ?::uuid", this::application, id);
    }

    public Optional<GrantApplication> lockApplication(String id) {
        return jdbc.one("select * from application where id = ?::uuid for update", this::application, id);
    }

    /** Who saved the application first (the agency user). */
    public Optional<String> createdBy(String applicationId) {
        return jdbc.one("select created_by from application where id::text = ?", rs -> rs.getString(1), applicationId);
    }

    /** Applications of a call (of one organisation when {@code org} is set), by id. */
    public List<GrantApplication> applications(String callId, String org, GrantApplication.Status status) {
        return jdbc.list("select * from application where (?::uuid is null or call_id = ?::uuid) and (?::varchar is null or organisation_code = ?)"
                + " and (?::varchar is null or status = ?) order by created_at, id", this::application, callId, callId, org, org,
                status == null ? null : status.name(), status == null ? null : status.name());
    }

    /** G2: the organisation's other live (submitted or decided) applications in the call. */
    public int liveApplicationsOf(String callId, String org, String except) {
        return jdbc.one("select count(*) from application where call_id = ?::uuid and organisation_code = ? and id <> ?::uuid"
                + " and status in ('SUBMITTED', 'AWARDED', 'DECLINED')", rs -> rs.getInt(1), callId, org, except).orElse(0);
    }

    GrantApplication application(ResultSet rs) throws SQLException {
        return new GrantApplication(rs.getString("id"), rs.getString("call_id"), rs.getString("organisation_code"),
                GrantTarget.valueOf(rs.getString("target_kind")), rs.getString("target_code"), rs.getString("district_code"),
                PivotCategory.valueOf(rs.getString("pivot_category")), rs.getString("title"), rs.getLong("requested_fen"),
                json.read(rs.getString("budget"), new TypeReference<List<BudgetLine>>() { }),
                json.read(rs.getString("team"), new TypeReference<List<TeamMember>>() { }), rs.getString("project_logic"),
                GrantApplication.Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }


    public void timeline(String applicationId, String status, String note, String actor) {
        jdbc.update("insert into application_event (application_id, status, note, actor, at) values (?::uuid, ?, ?, ?, now())",
                applicationId, status, note, actor);
    }

    public List<TimelineEntry> timeline(String applicationId) {
        return jdbc.list("select * from application_event where application_id = ?::uuid order by id", rs -> new TimelineEntry(
                rs.getString("status"), rs.getString("note"), rs.getString("actor"), Jdbc.instant(rs, "at")), applicationId);
    }
}

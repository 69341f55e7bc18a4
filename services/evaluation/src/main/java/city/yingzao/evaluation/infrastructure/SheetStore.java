package city.yingzao.evaluation.infrastructure;

import city.yingzao.evaluation.domain.Scoring;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Scoresheets (E5): one per evaluator and evaluation, with levels, evidence, notes, Q&A and feedback; revisions audited. */
@ApplicationScoped
public class SheetStore {

    @Inject
    Jdbc jdbc;

    public record SheetRow(UUID id, UUID evaluationId, String evaluatorId, String status, long revision, UUID clientId,
                           Instant clientStartedAt, Instant clientSubmittedAt, Instant submittedAt, String feedback, Instant updatedAt) {
        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    public record LevelRow(String indicatorId, int level, List<String> evidence, String notes, Instant recordedAt) {
    }

    public record QaRow(String question, String answer, Instant askedAt) {
    }

    public record RevisionRow(String evaluatorId, String indicatorId, int oldLevel, int newLevel, String reason, String cause,
                              String revisedBy, Instant revisedAt) {
    }

    public Optional<SheetRow> find(UUID evaluationId, String evaluatorId) {
        return jdbc.one("select * from sheet where evaluation_id = ? and evaluator_id = ?", this::sheet, evaluationId, evaluatorId);
    }

    public Optional<SheetRow> lock(UUID evaluationId, String evaluatorId) {
        return jdbc.one("select * from sheet where evaluation_id = ? and evaluator_id = ? for update", this::sheet, evaluationId, evaluatorId);
    }

    public Optional<SheetRow> byClientId(UUID clientId) {
        return jdbc.one("select * from sheet where client_id = ?", this::sheet, clientId);
    }

    public List<SheetRow> ofEvaluation(UUID evaluationId) {
        return jdbc.list("select * from sheet where evaluation_id = ? order by evaluator_id", this::sheet, evaluationId);
    }

    /** A new empty draft; when a concurrent request made it first, that one is returned. */
    public SheetRow create(UUID evaluationId, String evaluatorId, Instant at) {
        jdbc.update("insert into sheet (id, evaluation_id, evaluator_id, status, revision, updated_at) values (?, ?, ?, 'DRAFT', 0, ?)"
                + " on conflict (evaluation_id, evaluator_id) do nothing", UUID.randomUUID(), evaluationId, evaluatorId, at);
        return lock(evaluationId, evaluatorId).orElseThrow();
    }

    /** Replaces the sheet's content (levels, Q&A, feedback) and raises its revision; submits it when asked. */
    public void write(UUID sheetId, List<LevelRow> levels, List<QaRow> qa, String feedback, boolean submit, UUID clientId,
            Instant clientStartedAt, Instant clientSubmittedAt, Instant at) {
        jdbc.update("delete from sheet_level where sheet_id = ?", sheetId);
        jdbc.update("delete from sheet_qa where sheet_id = ?", sheetId);
        List<Object[]> rows = new ArrayList<>();
        for (LevelRow l : levels) {
            rows.add(new Object[]{sheetId, l.indicatorId(), (short) l.level(), l.evidence().toArray(String[]::new), l.notes(), l.recordedAt()});
        }
        jdbc.batch("insert into sheet_level (sheet_id, indicator_id, level, evidence, notes, recorded_at) values (?, ?, ?, ?, ?, ?)", rows);
        List<Object[]> qaRows = new ArrayList<>();
        for (QaRow q : qa) {
            qaRows.add(new Object[]{sheetId, q.question(), q.answer(), q.askedAt()});
        }
        jdbc.batch("insert into sheet_qa (sheet_id, question, answer, asked_at) values (?, ?, ?, ?)", qaRows);
        jdbc.update("""
                update sheet set feedback = ?, revision = revision + 1, updated_at = ?,
                    status = case when ? then 'SUBMITTED' else status end,
                    submitted_at = case when ? then ? else submitted_at end,
                    client_id = coalesce(?, client_id), client_started_at = coalesce(?, client_started_at),
                    client_submitted_at = coalesce(?, client_submitted_at)
                where id = ?""", feedback, at, submit, submit, at, clientId, clientStartedAt, clientSubmittedAt, sheetId);
    }

    public List<LevelRow> levels(UUID sheetId) {
        return jdbc.list("select * from sheet_level where sheet_id = ? order by indicator_id", rs -> new LevelRow(
                rs.getString("indicator_id"), rs.getInt("level"), Jdbc.texts(rs, "evidence"), rs.getString("notes"),
                Jdbc.instant(rs, "recorded_at")), sheetId);
    }

    public List<QaRow> qa(UUID sheetId) {
        return jdbc.list("select * from sheet_qa where sheet_id = ? order by id", rs -> new QaRow(rs.getString("question"),
                rs.getString("answer"), Jdbc.instant(rs, "asked_at")), sheetId);
    }

    /** The submitted sheets of the evaluation's active evaluators, as the arithmetic reads them. */
    public List<Scoring.SheetLevels> submittedLevels(UUID evaluationId) {
        return submittedLevels(List.of(evaluationId)).getOrDefault(evaluationId, List.of());
    }

    /** The same for many evaluations in one statement (ranking across a call). */
    public Map<UUID, List<Scoring.SheetLevels>> submittedLevels(List<UUID> evaluationIds) {
        Map<UUID, Map<String, Map<String, Integer>>> byEvaluation = new LinkedHashMap<>();
        jdbc.work(c -> {
            try (var s = Jdbc.prepare(c, """
                    select s.evaluation_id, s.evaluator_id, l.indicator_id, l.level
                    from sheet s
                    join assignment a on a.evaluation_id = s.evaluation_id and a.evaluator_id = s.evaluator_id and a.active
                    join sheet_level l on l.sheet_id = s.id
                    where s.status = 'SUBMITTED' and s.evaluation_id = any(?)
                    order by s.evaluation_id, s.evaluator_id""", (Object) evaluationIds.toArray(UUID[]::new))) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byEvaluation.computeIfAbsent((UUID) rs.getObject(1), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                                .put(rs.getString(3), rs.getInt(4));
                    }
                }
            }
            return null;
        });
        Map<UUID, List<Scoring.SheetLevels>> result = new HashMap<>();
        byEvaluation.forEach((id, sheets) -> {
            List<Scoring.SheetLevels> list = new ArrayList<>();
            sheets.forEach((evaluator, levels) -> list.add(new Scoring.SheetLevels(evaluator, levels)));
            result.put(id, list);
        });
        return result;
    }

    /** Per evaluation: its submitted, complete sheets as level sums per domain, added up by the database (ranking). */
    public record RankingInput(Map<UUID, List<Scoring.SheetSums>> sums, Map<UUID, Integer> flaggedIndicators) {
    }

    /**
     * For evaluations scored against one framework: each complete sheet's level sums per domain, and
     * per evaluation how many indicators differ by {@code spread} levels or more (E6).
     */
    public RankingInput rankingInput(List<UUID> evaluationIds, city.yingzao.evaluation.domain.Framework framework, int spread) {
        Map<String, String> domainOf = framework.domainOfIndicator();
        Map<String, Integer> sizes = new HashMap<>();
        framework.domains().forEach(d -> sizes.put(d.id(), d.indicators().size()));
        Object ids = evaluationIds.toArray(UUID[]::new);
        Map<UUID, Map<String, Map<String, Long>>> byEvaluation = new LinkedHashMap<>();
        Map<UUID, Set<String>> incomplete = new HashMap<>();
        jdbc.list("""
                select s.evaluation_id, s.evaluator_id, m.domain_id, sum(l.level) as total, count(*) as n
                from sheet s
                join assignment a on a.evaluation_id = s.evaluation_id and a.evaluator_id = s.evaluator_id and a.active
                join sheet_level l on l.sheet_id = s.id
                join unnest(?::text[], ?::text[]) as m(indicator_id, domain_id) on m.indicator_id = l.indicator_id
                where s.status = 'SUBMITTED' and s.evaluation_id = any(?)
                group by 1, 2, 3""", rs -> {
            UUID id = (UUID) rs.getObject(1);
            String evaluator = rs.getString(2);
            String domain = rs.getString(3);
            if (rs.getInt(5) != sizes.get(domain)) {
                incomplete.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(evaluator);
            }
            byEvaluation.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(evaluator, k -> new HashMap<>())
                    .put(domain, rs.getLong(4));
            return null;
        }, domainOf.keySet().toArray(String[]::new), domainOf.values().toArray(String[]::new), ids);
        Map<UUID, List<Scoring.SheetSums>> sums = new HashMap<>();
        byEvaluation.forEach((id, sheets) -> {
            List<Scoring.SheetSums> list = new ArrayList<>();
            sheets.forEach((evaluator, perDomain) -> {
                if (perDomain.size() == sizes.size() && !incomplete.getOrDefault(id, Set.of()).contains(evaluator)) {
                    list.add(new Scoring.SheetSums(evaluator, perDomain));
                }
            });
            if (!list.isEmpty()) {
                sums.put(id, list);
            }
        });
        Map<UUID, Integer> flagged = new HashMap<>();
        jdbc.list("""
                select evaluation_id, count(*) from (
                    select s.evaluation_id, l.indicator_id from sheet s
                    join assignment a on a.evaluation_id = s.evaluation_id and a.evaluator_id = s.evaluator_id and a.active
                    join sheet_level l on l.sheet_id = s.id
                    where s.status = 'SUBMITTED' and s.evaluation_id = any(?)
                    group by 1, 2 having max(l.level) - min(l.level) >= ?) spread
                group by 1""", rs -> flagged.put((UUID) rs.getObject(1), rs.getInt(2)), ids, spread);
        return new RankingInput(sums, flagged);
    }

    /** Changes one submitted level and records who, when, old, new and why. */
    public void revise(UUID sheetId, String indicatorId, int oldLevel, int newLevel, String reason, String cause, String by, Instant at) {
        jdbc.update("update sheet_level set level = ? where sheet_id = ? and indicator_id = ?", (short) newLevel, sheetId, indicatorId);
        jdbc.update("""
                insert into sheet_revision (sheet_id, indicator_id, old_level, new_level, reason, cause, revised_by, revised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", sheetId, indicatorId, (short) oldLevel, (short) newLevel, reason, cause, by, at);
        jdbc.update("update sheet set revision = revision + 1, updated_at = ? where id = ?", at, sheetId);
    }

    public List<RevisionRow> revisions(UUID evaluationId) {
        return jdbc.list("""
                select s.evaluator_id, r.* from sheet_revision r join sheet s on s.id = r.sheet_id
                where s.evaluation_id = ? order by r.id""", rs -> new RevisionRow(rs.getString("evaluator_id"),
                rs.getString("indicator_id"), rs.getInt("old_level"), rs.getInt("new_level"), rs.getString("reason"),
                rs.getString("cause"), rs.getString("revised_by"), Jdbc.instant(rs, "revised_at")), evaluationId);
    }

    private SheetRow sheet(ResultSet rs) throws SQLException {
        return new SheetRow((UUID) rs.getObject("id"), (UUID) rs.getObject("evaluation_id"), rs.getString("evaluator_id"),
                rs.getString("status"), rs.getLong("revision"), (UUID) rs.getObject("client_id"), Jdbc.instant(rs, "client_started_at"),
                Jdbc.instant(rs, "client_submitted_at"), Jdbc.instant(rs, "submitted_at"), rs.getString("feedback"),
                Jdbc.instant(rs, "updated_at"));
    }
}

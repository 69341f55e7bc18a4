package city.yingzao.grants.infrastructure;

import city.yingzao.grants.domain.PoolMember;
import city.yingzao.grants.domain.AwardDecision;
import city.yingzao.grants.domain.AssignmentChange;
import city.yingzao.grants.domain.AssignmentPolicy;
import city.yingzao.grants.domain.Review;
import city.yingzao.grants.domain.Reviewer;
import city.yingzao.kernel.persistence.Jdbc;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The people pools, declared conflicts, assignments with their audit, reviews and award decisions (G3, G5). */
@ApplicationScoped
public class ReviewStore {

    @Inject
    Jdbc jdbc;

    @Inject
    Json json;


    /** Joins or refreshes a member (a second join updates their facts). */
    public void upsertMember(PoolMember m) {
        jdbc.update("""
                insert into pool_member (person_id, pool, display_name, organisations, communities, district_code, past_organisations,
                    supervision_group_id, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?)
                on conflict (person_id, pool) do update set display_name = excluded.display_name, organisations = excluded.organisations,
                    communities = excluded.communities, district_code = excluded.district_code,
                    past_organisations = excluded.past_organisations,
                    supervision_group_id = coalesce(excluded.supervision_group_id, pool_member.supervision_group_id),
                    added_by = excluded.added_by, added_at = excluded.added_at""",
                m.personId(), m.pool(), m.displayName(), jdbc.textArray(m.organisations()), jdbc.textArray(m.communities()),
                m.districtCode(), jdbc.textArray(m.pastOrganisations()), m.supervisionGroupId(), m.addedBy(), m.addedAt());
    }

    public List<PoolMember> members(String pool) {
        return jdbc.list("select * from pool_member where pool = ? order by person_id", ReviewStore::member, pool);
    }

    public Optional<PoolMember> member(String personId, String pool) {
        return jdbc.one("select * from pool_member where person_id = ? and pool = ?", ReviewStore::member, personId, pool);
    }

    /** Every organisation a person is known to belong to, in any pool. */
    public Set<String> organisationsOf(String personId) {
        Set<String> orgs = new HashSet<>();
        jdbc.list("select organisations from pool_member where person_id = ?", rs -> Jdbc.strings(rs, "organisations"), personId)
                .forEach(orgs::addAll);
        return orgs;
    }

    static PoolMember member(ResultSet rs) throws SQLException {
        return new PoolMember(rs.getString("person_id"), rs.getString("pool"), rs.getString("display_name"),
                new HashSet<>(Jdbc.strings(rs, "organisations")), new HashSet<>(Jdbc.strings(rs, "communities")),
                rs.getString("district_code"), new HashSet<>(Jdbc.strings(rs, "past_organisations")),
                rs.getString("supervision_group_id"), rs.getString("added_by"), Jdbc.instant(rs, "added_at"));
    }

    public void createGroup(String id, String name, String district, String category) {
        jdbc.update("insert into supervision_group (id, name, district_code, pivot_category, created_at) values (?::uuid, ?, ?, ?, now())",
                id, name, district, category);
    }

    public void declare(String personId, String applicationId, String reason) {
        jdbc.update("insert into declared_conflict (person_id, application_id, reason, at) values (?, ?::uuid, ?, now())"
                + " on conflict (person_id, application_id) do update set reason = excluded.reason", personId, applicationId, reason);
    }

    /** Declared conflicts of a call: person → application ids. */
    public Map<String, Set<String>> declared(String callId) {
        Map<String, Set<String>> declared = new HashMap<>();
        jdbc.list("select d.person_id, d.application_id from declared_conflict d join application a on a.id = d.application_id"
                + " where a.call_id = ?::uuid", rs -> new String[] {rs.getString(1), rs.getString(2)}, callId)
                .forEach(p -> declared.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[1]));
        return declared;
    }

    public Set<String> declaredBy(String personId, String applicationId) {
        return new HashSet<>(jdbc.list("select reason from declared_conflict where person_id = ? and application_id = ?::uuid",
                rs -> rs.getString(1), personId, applicationId));
    }

    public Set<AssignmentPolicy.Pair> assignmentsOfCall(String callId) {
        return new HashSet<>(jdbc.list("select s.application_id, s.person_id from assignment s join application a on a.id = s.application_id"
                + " where a.call_id = ?::uuid", rs -> new AssignmentPolicy.Pair(rs.getString(1), rs.getString(2)), callId));
    }

    public List<String> assigneesOf(String applicationId) {
        return jdbc.list("select person_id from assignment where application_id = ?::uuid order by person_id", rs -> rs.getString(1),
                applicationId);
    }

    public boolean assigned(String applicationId, String personId) {
        return jdbc.one("select 1 from assignment where application_id = ?::uuid and person_id = ?", rs -> 1, applicationId, personId)
                .isPresent();
    }

    /** Application ids assigned to a person. */
    public List<String> assignmentsOf(String personId) {
        return jdbc.list("select application_id from assignment where person_id = ? order by assigned_at, application_id",
                rs -> rs.getString(1), personId);
    }

    /** The automatic run's pairs in one statement each for the assignments and their audit lines. */
    public void insertAssignments(Collection<AssignmentPolicy.Pair> pairs, String action, String reason, String by) {
        if (pairs.isEmpty()) {
            return;
        }
        String[] apps = pairs.stream().map(AssignmentPolicy.Pair::applicationId).toArray(String[]::new);
        String[] people = pairs.stream().map(AssignmentPolicy.Pair::personId).toArray(String[]::new);
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into assignment (application_id, person_id, assigned_by, assigned_at)"
                    + " select a::uuid, p, ?, now() from unnest(?::varchar[], ?::varchar[]) as t(a, p) on conflict do nothing")) {
                s.setString(1, by);
                s.setArray(2, c.createArrayOf("varchar", apps));
                s.setArray(3, c.createArrayOf("varchar", people));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into assignment_change (application_id, person_id, action, reason, actor, at)"
                    + " select a::uuid, p, ?, ?, ?, now() from unnest(?::varchar[], ?::varchar[]) as t(a, p)")) {
                s.setString(1, action);
                s.setString(2, reason);
                s.setString(3, by);
                s.setArray(4, c.createArrayOf("varchar", apps));
                s.setArray(5, c.createArrayOf("varchar", people));
                s.executeUpdate();
            }
            return null;
        });
    }

    public boolean removeAssignment(String applicationId, String personId, String reason, String by) {
        int n = jdbc.update("delete from assignment where application_id = ?::uuid and person_id = ?"
                + " and not exists (select 1 from review r where r.application_id = ?::uuid and r.person_id = ?)",
                applicationId, personId, applicationId, personId);
        if (n == 1) {
            jdbc.update("insert into assignment_change (application_id, person_id, action, reason, actor, at) values (?::uuid, ?, 'REMOVED', ?, ?, now())",
                    applicationId, personId, reason, by);
        }
        return n == 1;
    }


    public List<AssignmentChange> changes(String applicationId) {
        return jdbc.list("select * from assignment_change where application_id = ?::uuid order by id", rs -> new AssignmentChange(
                rs.getString("application_id"), rs.getString("person_id"), rs.getString("action"), rs.getString("reason"),
                rs.getString("actor"), Jdbc.instant(rs, "at")), applicationId);
    }

    public void saveReview(Review r, Map<String, String> comments) {
        jdbc.update("insert into review (application_id, person_id, scores, comments, submitted_at) values (?::uuid, ?, ?::jsonb, ?::jsonb, now())"
                + " on conflict (application_id, person_id) do update set scores = excluded.scores, comments = excluded.comments,"
                + " submitted_at = excluded.submitted_at", r.applicationId(), r.reviewerId(), json.write(r.scores()), json.write(comments));
    }

    public List<Review> reviewsOfCall(String callId) {
        return jdbc.list("select r.* from review r join application a on a.id = r.application_id where a.call_id = ?::uuid"
                + " and a.status <> 'WITHDRAWN'", rs -> new Review(rs.getString("application_id"), rs.getString("person_id"),
                json.read(rs.getString("scores"), new TypeReference<Map<String, Integer>>() { })), callId);
    }

    public List<Review> reviewsOf(String applicationId) {
        return jdbc.list("select * from review where application_id = ?::uuid order by person_id", rs -> new Review(
                rs.getString("application_id"), rs.getString("person_id"),
                json.read(rs.getString("scores"), new TypeReference<Map<String, Integer>>() { })), applicationId);
    }

    public boolean hasReviews(String applicationId) {
        return jdbc.one("select 1 from review where application_id = ?::uuid limit 1", rs -> 1, applicationId).isPresent();
    }


    public void insertDecision(AwardDecision d) {
        jdbc.update("""
                insert into award_decision (application_id, call_id, decision, awarded_fen, rank, proposed, departure_reason, reviewer_ids,
                    decided_by, decided_at) values (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.applicationId(), d.callId(), d.decision(), d.awardedFen(), d.rank(), d.proposed(), d.departureReason(),
                jdbc.textArray(d.reviewerIds()), d.decidedBy(), d.decidedAt());
    }

    public List<AwardDecision> decisions(String callId) {
        return jdbc.list("select * from award_decision where call_id = ?::uuid order by rank nulls last, application_id", rs -> new AwardDecision(
                rs.getString("application_id"), rs.getString("call_id"), rs.getString("decision"), rs.getLong("awarded_fen"),
                (Integer) rs.getObject("rank"), rs.getBoolean("proposed"), rs.getString("departure_reason"),
                Jdbc.strings(rs, "reviewer_ids"), rs.getString("decided_by"), Jdbc.instant(rs, "decided_at")), callId);
    }
}

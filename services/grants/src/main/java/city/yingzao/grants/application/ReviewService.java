package city.yingzao.grants.application;

import city.yingzao.grants.domain.PoolMember;
import city.yingzao.grants.domain.AssignmentChange;
import city.yingzao.certificates.application.Certificates;
import city.yingzao.grants.domain.AssignmentPolicy;
import city.yingzao.grants.domain.Conflict;
import city.yingzao.grants.domain.ConflictPolicy;
import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.Review;
import city.yingzao.grants.domain.Reviewer;
import city.yingzao.grants.domain.Scoring;
import city.yingzao.grants.infrastructure.CallStore;
import city.yingzao.grants.infrastructure.ReviewStore;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** G3: the reviewer pool, computed and declared conflicts, assignment, reviews. */
@ApplicationScoped
public class ReviewService {

    public static final String REVIEWER_POOL = "REVIEWER";

    @Inject
    ReviewStore store;

    @Inject
    CallStore calls;

    @Inject
    CallService callService;

    @Inject
    ApplicationService applications;

    @Inject
    Access access;

    @Inject
    Certificates certificates;

    /** A pool entry an operator makes for someone else. */
    public record NewMember(String personId, String displayName, Set<String> organisations, Set<String> communities, String districtCode,
                            Set<String> pastOrganisations, String supervisionGroupId) {
    }

    // G3: a reviewer joins with their token: its org, community and district claims are what conflicts are computed from
    @Transactional
    public PoolMember join(String pool, String displayName, Set<String> pastOrganisations) {
        PoolMember m = new PoolMember(access.who(), pool, displayName, access.org().map(Set::of).orElse(Set.of()),
                access.communities(), access.district().orElse(null), pastOrganisations == null ? Set.of() : pastOrganisations, null,
                access.who(), Instant.now());
        store.upsertMember(m);
        return store.member(m.personId(), pool).orElseThrow();
    }

    @Transactional
    public PoolMember add(String pool, NewMember n) {
        PoolMember m = new PoolMember(n.personId().trim(), pool, n.displayName(), orEmpty(n.organisations()),
                orEmpty(n.communities()), n.districtCode(), orEmpty(n.pastOrganisations()),
                n.supervisionGroupId() == null ? null : Ids.uuid("supervisionGroupId", n.supervisionGroupId()), access.who(), Instant.now());
        store.upsertMember(m);
        return store.member(m.personId(), pool).orElseThrow();
    }

    public List<PoolMember> members(String pool) {
        return store.members(pool);
    }

    // G3: a declared conflict excludes; an assignment without a review yet is removed (audited)
    @Transactional
    public List<Conflict> declare(String applicationId, String reason) {
        GrantApplication a = calls.application(Ids.uuid("applicationId", applicationId))
                .orElseThrow(() -> Problems.notFound("application", applicationId));
        store.declare(access.who(), a.id(), reason.trim());
        store.removeAssignment(a.id(), access.who(), "declared conflict: " + reason.trim(), access.who());
        return List.of(new Conflict(access.who(), a.id(), Conflict.Level.DECLARED, reason.trim()));
    }

    /** G3: every conflict of the call's submitted applications with the pool, hard, declared and soft. */
    public List<Conflict> conflicts(String callId) {
        GrantCall call = callService.call(callId);
        Map<String, Set<String>> declared = store.declared(call.id());
        List<Conflict> all = new ArrayList<>();
        List<PoolMember> pool = store.members(REVIEWER_POOL);
        for (GrantApplication a : calls.applications(call.id(), null, GrantApplication.Status.SUBMITTED)) {
            ConflictPolicy.Applicant applicant = applicant(a);
            for (PoolMember m : pool) {
                all.addAll(ConflictPolicy.detect(m.reviewer(), applicant, declared.getOrDefault(m.personId(), Set.of())));
            }
        }
        return all;
    }

    /** The run's report: how many assigned now, how many were already, who is short, how long it took. */
    public record AssignmentReport(int assignedNow, int assignedBefore, Map<String, Integer> shortOf, int reviewers, long millis) {
    }

    // G3: N reviewers per application, workload balanced, conflicted (and uncertified, where the call asks) never assigned
    @Transactional
    public AssignmentReport autoAssign(String callId) {
        long t0 = System.nanoTime();
        GrantCall call = calls.lockCall(Ids.uuid("callId", callId)).orElseThrow(() -> Problems.notFound("call", callId));
        if (call.status() != GrantCall.Status.IN_REVIEW) {
            Rules.conflict("G3", "assignment starts when the call is in review (it is " + call.status() + ")");
        }
        List<Reviewer> pool = eligiblePool(call);
        List<ConflictPolicy.Applicant> apps = calls.applications(call.id(), null, GrantApplication.Status.SUBMITTED).stream()
                .map(ReviewService::applicant).toList();
        Set<AssignmentPolicy.Pair> existing = store.assignmentsOfCall(call.id());
        AssignmentPolicy.Result r = AssignmentPolicy.assign(apps, pool, call.reviewsPerApplication(), store.declared(call.id()), existing);
        store.insertAssignments(r.assigned(), "AUTO", "automatic assignment", access.who());
        return new AssignmentReport(r.assigned().size(), existing.size(), r.shortOf(), pool.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    List<Reviewer> eligiblePool(GrantCall call) {
        List<Reviewer> pool = new ArrayList<>();
        Instant now = Instant.now();
        for (PoolMember m : store.members(REVIEWER_POOL)) {
            if (call.certificateScheme() == null
                    || certificates.check("G3", m.personId(), call.certificateScheme(), now, now.plus(Duration.ofDays(30))).isEmpty()) {
                pool.add(m.reviewer());
            }
        }
        return pool;
    }

    // G3: a manual assignment, audited with its reason; a conflicted reviewer is refused
    @Transactional
    public List<String> addAssignment(String applicationId, String personId, String reason) {
        GrantApplication a = calls.lockApplication(Ids.uuid("applicationId", applicationId))
                .orElseThrow(() -> Problems.notFound("application", applicationId));
        GrantCall call = callService.call(a.callId());
        if (a.status() != GrantApplication.Status.SUBMITTED || call.status() != GrantCall.Status.IN_REVIEW) {
            Rules.conflict("G3", "reviewers are assigned to submitted applications of a call in review");
        }
        PoolMember m = store.member(personId, REVIEWER_POOL)
                .orElseThrow(() -> Problems.notFound("reviewer", personId));
        List<Conflict> conflicts = ConflictPolicy.detect(m.reviewer(), applicant(a), store.declared(call.id()).getOrDefault(personId, Set.of()));
        conflicts.stream().filter(Conflict::excludes).findFirst()
                .ifPresent(c -> Rules.refuse("G3", personId + " may not review " + a.id() + ": " + c.level() + " conflict, " + c.reason()));
        if (call.certificateScheme() != null) {
            certificates.require("G3", personId, call.certificateScheme(), Instant.now(), Instant.now().plus(Duration.ofDays(30)));
        }
        store.insertAssignments(List.of(new AssignmentPolicy.Pair(a.id(), personId)), "ADDED", reason.trim(), access.who());
        return store.assigneesOf(a.id());
    }

    @Transactional
    public List<String> removeAssignment(String applicationId, String personId, String reason) {
        String id = Ids.uuid("applicationId", applicationId);
        if (!store.removeAssignment(id, personId, reason.trim(), access.who())) {
            Rules.conflict("G3", personId + " is not assigned to " + id + ", or has reviewed it already");
        }
        return store.assigneesOf(id);
    }

    public List<AssignmentChange> assignmentChanges(String applicationId) {
        return store.changes(Ids.uuid("applicationId", applicationId));
    }

    /** A reviewer's assignment as they see it: the application and their review so far. */
    public record AssignmentView(GrantApplication application, Review review) {
    }

    public List<AssignmentView> myAssignments() {
        List<AssignmentView> out = new ArrayList<>();
        for (String id : store.assignmentsOf(access.who())) {
            GrantApplication a = calls.application(id).orElseThrow();
            if (!applications.excluded(a)) {
                out.add(new AssignmentView(a, store.reviewsOf(id).stream().filter(r -> r.reviewerId().equals(access.who())).findFirst()
                        .orElse(null)));
            }
        }
        return out;
    }

    // G3: a review by an assigned, unconflicted reviewer, every criterion on the call's scale
    @Transactional
    public Review review(String applicationId, Map<String, Integer> scores, Map<String, String> comments) {
        GrantApplication a = calls.application(Ids.uuid("applicationId", applicationId))
                .orElseThrow(() -> Problems.notFound("application", applicationId));
        access.require(store.assigned(a.id(), access.who()) && !applications.excluded(a), access.describe(a));
        GrantCall call = callService.call(a.callId());
        if (call.status() != GrantCall.Status.IN_REVIEW || a.status() != GrantApplication.Status.SUBMITTED) {
            Rules.conflict("G3", "reviews are taken while the call is in review");
        }
        Rules.enforce(Scoring.validate(call.rubric(), call.scaleMax(), scores));
        Review r = new Review(a.id(), access.who(), scores);
        store.saveReview(r, comments == null ? Map.of() : comments);
        return r;
    }

    static ConflictPolicy.Applicant applicant(GrantApplication a) {
        return new ConflictPolicy.Applicant(a.id(), a.organisationCode(), a.targetCode(), a.districtCode());
    }

    private static Set<String> orEmpty(Set<String> s) {
        return s == null ? Set.of() : s;
    }

    static Map<String, Integer> counts(List<AssignmentPolicy.Pair> pairs) {
        Map<String, Integer> c = new HashMap<>();
        pairs.forEach(p -> c.merge(p.personId(), 1, Integer::sum));
        return c;
    }
}

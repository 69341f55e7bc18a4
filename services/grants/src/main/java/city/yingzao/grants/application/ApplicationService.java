package city.yingzao.grants.application;

import city.yingzao.grants.domain.PoolMember;
import city.yingzao.grants.domain.TimelineEntry;
import city.yingzao.contracts.grants.ApplicationSubmittedV1;
import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.BudgetLine;
import city.yingzao.grants.domain.ConflictPolicy;
import city.yingzao.grants.domain.Eligibility;
import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.Organisation;
import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.domain.Target;
import city.yingzao.grants.domain.TeamMember;
import city.yingzao.grants.infrastructure.CallStore;
import city.yingzao.grants.infrastructure.ReviewStore;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** G2: an agency's applications for its own organisation: drafts, submission with eligibility, withdrawal, timeline. */
@ApplicationScoped
public class ApplicationService {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    CallStore store;

    @Inject
    ReviewStore reviews;

    @Inject
    CallService calls;

    @Inject
    Registry registry;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    /** What an agency writes into a draft. */
    public record Draft(GrantTarget targetKind, String targetCode, PivotCategory pivotCategory, String title, long requestedFen,
                        List<BudgetLine> budget, List<TeamMember> team, String projectLogic) {
    }

    /** An application with the timeline its readers see. */
    public record ApplicationView(GrantApplication application, List<TimelineEntry> timeline) {
    }

    @Transactional
    public GrantApplication createDraft(String callId, Draft d) {
        String org = access.agencyOrganisation();
        GrantCall call = calls.call(callId);
        if (call.status() != GrantCall.Status.OPEN) {
            Rules.conflict("G2", "the call is " + call.status() + " and takes no applications");
        }
        Instant now = Instant.now();
        GrantApplication a = new GrantApplication(UUID.randomUUID().toString(), call.id(), org,
                d.targetKind() == null ? call.rules().targetKind() : d.targetKind(), d.targetCode().trim(), null, d.pivotCategory(),
                d.title().trim(), d.requestedFen(), d.budget(), d.team() == null ? List.of() : d.team(), text(d.projectLogic()),
                GrantApplication.Status.DRAFT, null, now, now);
        store.insertApplication(a, access.who());
        store.timeline(a.id(), "DRAFT", "draft saved", access.who());
        return a;
    }

    @Transactional
    public GrantApplication updateDraft(String id, Draft d) {
        GrantApplication a = lockOwn(id);
        if (a.status() != GrantApplication.Status.DRAFT) {
            Rules.conflict("G2", "only a draft can be edited; the application is " + a.status());
        }
        GrantApplication changed = new GrantApplication(a.id(), a.callId(), a.organisationCode(),
                d.targetKind() == null ? a.targetKind() : d.targetKind(), d.targetCode().trim(), null, d.pivotCategory(), d.title().trim(),
                d.requestedFen(), d.budget(), d.team() == null ? List.of() : d.team(), text(d.projectLogic()), a.status(), null,
                a.createdAt(), Instant.now());
        store.updateDraft(changed);
        store.timeline(a.id(), "DRAFT", "draft edited", access.who());
        return changed;
    }

    // G2: eligibility is checked at submission, every failed condition named
    @Transactional
    public GrantApplication submit(String id) {
        GrantApplication a = lockOwn(id);
        if (a.status() != GrantApplication.Status.DRAFT) {
            Rules.conflict("G2", "the application is " + a.status() + ", not a draft");
        }
        GrantCall call = store.lockCall(a.callId()).orElseThrow();
        if (call.status() != GrantCall.Status.OPEN) {
            Rules.conflict("G2", "the call is " + call.status() + " and takes no submissions");
        }
        Optional<Organisation> org = registry.organisation(a.organisationCode(), a.targetCode());
        Target target = registry.target(a.targetKind(), a.targetCode());
        LocalDate today = LocalDate.now(SHANGHAI);
        List<Rejection> failed = Eligibility.check(call.rules(), new Eligibility.Submission(a.organisationCode(), a.pivotCategory(),
                a.requestedFen(), a.budget()), org.orElse(null), target, store.liveApplicationsOf(call.id(), a.organisationCode(), a.id()), today);
        // every failed condition in one 422; the draft stays a draft for the agency to fix
        Rules.enforceAll(failed);
        Instant now = Instant.now();
        store.setStatus(a.id(), GrantApplication.Status.SUBMITTED, now, target.districtCode());
        store.timeline(a.id(), "SUBMITTED", "eligible and submitted", access.who());
        outbox.append(new ApplicationSubmittedV1(a.id(), call.id(), call.programmeYear(), a.organisationCode(), a.targetKind(),
                a.targetCode(), target.districtCode(), a.pivotCategory().name(), a.title(), a.requestedFen(), now));
        return store.application(a.id()).orElseThrow();
    }

    // G2: withdraw before review
    @Transactional
    public GrantApplication withdraw(String id, String reason) {
        GrantApplication a = lockOwn(id);
        GrantCall call = calls.call(a.callId());
        if (!(a.status() == GrantApplication.Status.DRAFT || a.status() == GrantApplication.Status.SUBMITTED)
                || call.status() != GrantCall.Status.OPEN || reviews.hasReviews(a.id())) {
            Rules.conflict("G2", "an application can be withdrawn only before review (it is " + a.status() + ", the call " + call.status() + ")");
        }
        store.setStatus(a.id(), GrantApplication.Status.WITHDRAWN, null, null);
        store.timeline(a.id(), "WITHDRAWN", reason == null ? "withdrawn" : reason.trim(), access.who());
        return store.application(a.id()).orElseThrow();
    }

    /** G3, §8: the agency of its organisation, its assigned (and unconflicted) reviewers, operators and auditors. */
    public ApplicationView view(String id) {
        GrantApplication a = store.application(Ids.uuid("applicationId", id)).orElseThrow(() -> Problems.notFound("application", id));
        requireRead(a);
        return new ApplicationView(a, store.timeline(a.id()));
    }

    void requireRead(GrantApplication a) {
        if (access.readsAll() || access.ownOrganisation(a.organisationCode()) || access.inDistrict(a.districtCode())) {
            return;
        }
        if (access.has(Roles.REVIEWER) && reviews.assigned(a.id(), access.who()) && !excluded(a)) {
            return;
        }
        access.deny(access.describe(a));
    }

    /** G3: a conflicted reviewer never sees the application, even when assigned before the conflict showed. */
    boolean excluded(GrantApplication a) {
        Optional<PoolMember> m = reviews.member(access.who(), "REVIEWER");
        ConflictPolicy.Applicant applicant = new ConflictPolicy.Applicant(a.id(), a.organisationCode(), a.targetCode(), a.districtCode());
        boolean declared = !reviews.declaredBy(access.who(), a.id()).isEmpty();
        return m.map(r -> ConflictPolicy.excluded(r.reviewer(), applicant, declared ? java.util.Set.of(a.id()) : java.util.Set.of()))
                .orElse(declared);
    }

    public List<GrantApplication> list(String callId) {
        String call = callId == null ? null : Ids.uuid("callId", callId);
        if (access.readsAll()) {
            return store.applications(call, null, null);
        }
        if (access.has(Roles.AGENCY)) {
            return store.applications(call, access.agencyOrganisation(), null);
        }
        access.deny("applications");
        return List.of();
    }

    private GrantApplication lockOwn(String id) {
        GrantApplication a = store.lockApplication(Ids.uuid("applicationId", id)).orElseThrow(() -> Problems.notFound("application", id));
        access.requireOwnOrganisation(a.organisationCode(), access.describe(a));
        return a;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}

package city.yingzao.grants.application;

import city.yingzao.grants.domain.Attachment;
import city.yingzao.grants.domain.ResearchReport;
import city.yingzao.grants.domain.SupervisionLog;
import city.yingzao.grants.domain.ReleaseRecord;
import city.yingzao.certificates.application.Certificates;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.contracts.grants.ProjectStartedV1;
import city.yingzao.contracts.grants.SupervisionMember;
import city.yingzao.contracts.grants.SupervisionTeamChangedV1;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.ReleaseCondition;
import city.yingzao.grants.domain.ReleasePolicy;
import city.yingzao.grants.domain.SupervisionLogType;
import city.yingzao.grants.domain.SupervisionPolicy;
import city.yingzao.grants.domain.SupervisionRole;
import city.yingzao.grants.domain.Tranche;
import city.yingzao.grants.infrastructure.ProjectStore;
import city.yingzao.grants.infrastructure.ReviewStore;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** G4-G6: agreements and their tranches, the 1+1+1+1 team, supervision logs, action-research reports. */
@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectStore store;

    @Inject
    ReviewStore people;

    @Inject
    city.yingzao.grants.infrastructure.CallStore applications;

    @Inject
    TrancheReleases releases;

    @Inject
    Certificates certificates;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    /** A project as its readers see it: agreement, tranches, releases, team, reports. */
    public record ProjectView(Project project, List<Tranche> tranches, List<ReleaseRecord> releases,
                              Map<SupervisionRole, String> team, List<SupervisionRole> missingSeats, long releasedFen) {
    }

    public ProjectView view(String id) {
        Project p = find(id);
        requireRead(p);
        return view(p);
    }

    ProjectView view(Project p) {
        Map<SupervisionRole, String> team = store.team(p.id());
        return new ProjectView(p, store.tranches(p.id()), store.releases(p.id()), team,
                List.copyOf(SupervisionPolicy.missing(team)), store.releasedFen(p.id()));
    }

    /** §8: an agency its organisation's projects, a supervisor their teams', operators and auditors all. */
    public List<Project> list(String organisation, String target) {
        if (access.readsAll()) {
            return store.projects(organisation, target, null);
        }
        if (access.has(Roles.AGENCY)) {
            return store.projects(access.agencyOrganisation(), target, null);
        }
        if (access.has(Roles.SUPERVISOR)) {
            return store.projectsSupervisedBy(access.who());
        }
        access.deny("projects");
        return List.of();
    }

    void requireRead(Project p) {
        if (access.readsAll() || access.ownOrganisation(p.organisationCode()) || access.inDistrict(p.districtCode())
                || (access.has(Roles.SUPERVISOR) && store.onTeam(p.id(), access.who()))) {
            return;
        }
        access.deny(access.describe(p));
    }

    // G4: the agreement is signed; the project starts; the tranche waiting for the signature is released
    @Transactional
    public ProjectView sign(String id, LocalDate startsOn, LocalDate endsOn) {
        Project p = lock(id);
        if (p.status() != Project.Status.AWARDED) {
            Rules.conflict("G4", "the agreement of project " + p.id() + " is signed already (" + p.status() + ")");
        }
        if (endsOn.isBefore(startsOn)) {
            Rules.refuse("G4", "the project ends (" + endsOn + ") before it starts (" + startsOn + ")");
        }
        Instant now = Instant.now();
        store.sign(p.id(), now, startsOn, endsOn);
        Project signed = store.project(p.id()).orElseThrow();
        outbox.append(new ProjectStartedV1(signed.id(), signed.applicationId(), signed.callId(), signed.programmeYear(), signed.title(),
                signed.organisationCode(), signed.targetKind(), signed.targetCode(), signed.districtCode(), signed.pivotCategory().name(),
                signed.awardedFen(), startsOn, endsOn, signed.frameworkVersion(), signed.reviewerIds(), members(store.team(p.id())), now));
        releases.advance(signed, evidence(signed));
        return view(store.project(p.id()).orElseThrow());
    }

    // G5: a seat of the 1+1+1+1 team: certificate where needed (current until the project ends), never one's own organisation
    @Transactional
    public ProjectView seat(String id, SupervisionRole role, String personId) {
        Project p = lock(id);
        if (p.status() == Project.Status.COMPLETED || p.status() == Project.Status.TERMINATED) {
            Rules.conflict("G5", "project " + p.id() + " is closed");
        }
        Map<SupervisionRole, String> team = store.team(p.id());
        Instant until = p.endsOn() != null ? p.endsOn().plusDays(1).atStartOfDay(ApplicationService.SHANGHAI).toInstant()
                : Instant.now().plus(Duration.ofDays(365));
        Optional<Rejection> certificate = role.needsCertificate()
                ? certificates.check("G5", personId, Certificates.SUPERVISOR, Instant.now(), until) : Optional.empty();
        java.util.Set<String> organisations = new java.util.HashSet<>(people.organisationsOf(personId));
        if (applications.createdBy(p.applicationId()).map(personId::equals).orElse(false)) {
            organisations.add(p.organisationCode()); // the agency user who applied for the organisation belongs to it
        }
        Rules.enforceAll(SupervisionPolicy.checkSeat(role, personId, organisations, p.organisationCode(), certificate, team));
        store.seat(p.id(), role, personId, access.who());
        if (p.status() == Project.Status.RUNNING) {
            outbox.append(new SupervisionTeamChangedV1(p.id(), p.organisationCode(), p.targetCode(), members(store.team(p.id())), Instant.now()));
        }
        return view(store.project(p.id()).orElseThrow());
    }

    // G4: an operator holds a tranche with a reason
    @Transactional
    public ProjectView hold(String id, int number, String reason) {
        Project p = lock(id);
        Tranche t = tranche(p, number);
        if (t.status() == Tranche.Status.RELEASED) {
            Rules.conflict("G4", "tranche " + number + " is released already");
        }
        store.setTranche(p.id(), number, Tranche.Status.HELD, TrancheReleases.OPERATOR_HOLD + reason.trim());
        store.action(p.id(), number, "HOLD", reason.trim(), access.who());
        return view(store.project(p.id()).orElseThrow());
    }

    // G4: an operator releases a tranche by hand with a reason (also one held by a failed evaluation)
    @Transactional
    public ProjectView release(String id, int number, String reason) {
        Project p = lock(id);
        if (p.status() != Project.Status.RUNNING) {
            Rules.conflict("G4", "tranches are released for a running project (it is " + p.status() + ")");
        }
        Tranche t = tranche(p, number);
        if (t.status() == Tranche.Status.RELEASED) {
            Rules.conflict("G4", "tranche " + number + " is released already");
        }
        store.action(p.id(), number, "RELEASE", reason.trim(), access.who());
        releases.release(p, t, "OPERATOR", access.who(), reason.trim(), null);
        releases.advance(p, evidence(p));
        return view(store.project(p.id()).orElseThrow());
    }

    /** G4: what the evaluation.results consumer hands over, inside its transaction. */
    @Transactional
    void onEvidence(@jakarta.enterprise.event.Observes city.yingzao.grants.domain.EvaluationEvidence e) {
        if (e.appeal()) {
            onAppeal(e.evaluationId(), e.projectId(), e.kind(), e.at());
        } else {
            onEvaluation(e.evaluationId(), e.projectId(), e.kind(), e.passed(), e.grade(), e.at());
        }
    }

    // G4: an evaluation result from evaluation.results (exactly once: the project row is locked, releases are unique)
    @Transactional
    public void onEvaluation(String evaluationId, String projectId, String kind, boolean passed, String grade, Instant at) {
        Optional<Project> found = store.lock(projectId);
        if (found.isEmpty()) {
            return; // a finance project, or one of another city: not ours
        }
        if (!store.recordEvaluation(evaluationId, projectId, kind, passed, false, grade, at)) {
            return; // older than the state held: a late replay changes nothing
        }
        Project p = found.get();
        if (p.status() != Project.Status.RUNNING) {
            return;
        }
        releases.apply(p, ReleasePolicy.Evidence.evaluation(kind, passed), evaluationId, evidence(p));
    }

    // G4: an appeal holds the tranche waiting for that evaluation until it is decided
    @Transactional
    public void onAppeal(String evaluationId, String projectId, String kind, Instant at) {
        Optional<Project> found = store.lock(projectId);
        if (found.isEmpty()) {
            return;
        }
        if (!store.recordEvaluation(evaluationId, projectId, kind, null, true, null, at)) {
            return; // the appeal arrived after a newer state of its evaluation (its decision's result): nothing to hold
        }
        if (found.get().status() == Project.Status.RUNNING) {
            releases.apply(found.get(), ReleasePolicy.Evidence.appealOpened(kind), evaluationId, evidence(found.get()));
        }
    }

    TrancheReleases.Evidence evidence(Project p) {
        return new TrancheReleases.Evidence() {
            @Override
            public boolean holds(ReleaseCondition c) {
                return switch (c) {
                    case AGREEMENT_SIGNED -> store.project(p.id()).map(x -> x.agreementSignedAt() != null).orElse(false);
                    case REPORT_FILED -> store.hasReport(p.id());
                    case MID_TERM_PASSED, FINAL_PASSED -> store.latestEvaluation(p.id(), c.evaluationKind())
                            .map(r -> Boolean.TRUE.equals(r.passed()) && !r.appealOpen()).orElse(false);
                };
            }

            @Override
            public String evaluationFor(ReleaseCondition c) {
                return c.evaluationKind() == null ? null
                        : store.latestEvaluation(p.id(), c.evaluationKind()).map(ProjectStore.EvaluationResult::evaluationId).orElse(null);
            }
        };
    }

    /** A report as filed. */
    public record NewReport(String title, String period, String body, List<Attachment> attachments) {
    }

    // G6: the project team files an action-research report; a tranche waiting for a report is released
    @Transactional
    public ResearchReport fileReport(String id, NewReport r) {
        Project p = lock(id);
        access.requireOwnOrganisation(p.organisationCode(), access.describe(p));
        if (p.status() != Project.Status.RUNNING) {
            Rules.conflict("G6", "reports are filed during the project (it is " + p.status() + ")");
        }
        ResearchReport report = new ResearchReport(UUID.randomUUID().toString(), p.id(), r.title().trim(), r.period().trim(),
                r.body(), r.attachments() == null ? List.of() : r.attachments(), access.who(), Instant.now(), null, null, null);
        store.insertReport(report);
        releases.apply(p, ReleasePolicy.Evidence.reportFiled(), null, evidence(p));
        return report;
    }

    public List<ResearchReport> reports(String id) {
        Project p = find(id);
        requireRead(p);
        return store.reports(p.id());
    }

    // G6: reviewed by the project's senior supervisor
    @Transactional
    public ResearchReport reviewReport(String id, String reportId, String note) {
        Project p = find(id);
        access.require(access.who().equals(store.team(p.id()).get(SupervisionRole.SENIOR_SUPERVISOR)), "the reports of " + access.describe(p));
        if (!store.reviewReport(p.id(), reportId, access.who(), note.trim())) {
            throw Problems.notFound("report", reportId);
        }
        return store.reports(p.id()).stream().filter(x -> x.id().equals(reportId)).findFirst().orElseThrow();
    }

    // G5: supervision logged by type, by the supervisors on the team
    @Transactional
    public SupervisionLog log(String id, SupervisionLogType type, LocalDate happenedOn, String summary) {
        Project p = find(id);
        Map<SupervisionRole, String> team = store.team(p.id());
        boolean supervises = team.entrySet().stream().anyMatch(e -> e.getKey() != SupervisionRole.PROJECT_LEAD && e.getValue().equals(access.who()));
        access.require(supervises, "the supervision log of " + access.describe(p));
        SupervisionLog l = new SupervisionLog(UUID.randomUUID().toString(), p.id(), type.name(), happenedOn, summary.trim(),
                access.who(), Instant.now());
        store.insertLog(l);
        return l;
    }

    public List<SupervisionLog> logs(String id, SupervisionLogType type) {
        Project p = find(id);
        requireRead(p);
        return store.logs(p.id(), type == null ? null : type.name());
    }

    // G4: the project closes; what was released is final
    @Transactional
    public ProjectView close(String id, Project.Status outcome) {
        Project p = lock(id);
        if (outcome != Project.Status.COMPLETED && outcome != Project.Status.TERMINATED) {
            throw Problems.invalid("outcome", "must be COMPLETED or TERMINATED");
        }
        if (p.status() != Project.Status.RUNNING) {
            Rules.conflict("G4", "only a running project closes (it is " + p.status() + ")");
        }
        store.close(p.id(), outcome);
        outbox.append(new ProjectClosedV1(p.id(), p.title(), p.organisationCode(), p.targetCode(), p.pivotCategory().name(), outcome.name(),
                store.releasedFen(p.id()), Instant.now()));
        return view(store.project(p.id()).orElseThrow());
    }

    static List<SupervisionMember> members(Map<SupervisionRole, String> team) {
        List<SupervisionMember> m = new ArrayList<>();
        team.forEach((role, person) -> m.add(new SupervisionMember(role.name(), person)));
        return m;
    }

    private Tranche tranche(Project p, int number) {
        return store.tranches(p.id()).stream().filter(t -> t.number() == number).findFirst()
                .orElseThrow(() -> Problems.notFound("tranche", String.valueOf(number)));
    }

    Project find(String id) {
        return store.project(Ids.uuid("projectId", id)).orElseThrow(() -> Problems.notFound("project", id));
    }

    private Project lock(String id) {
        return store.lock(Ids.uuid("projectId", id)).orElseThrow(() -> Problems.notFound("project", id));
    }
}

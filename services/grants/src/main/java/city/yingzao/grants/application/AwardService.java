package city.yingzao.grants.application;

import city.yingzao.grants.domain.AwardDecision;
import city.yingzao.contracts.grants.ApplicationDecidedV1;
import city.yingzao.grants.domain.AwardPolicy;
import city.yingzao.grants.domain.GrantApplication;
import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.Project;
import city.yingzao.grants.domain.Scoring;
import city.yingzao.grants.domain.Tranche;
import city.yingzao.grants.domain.TranchePlan;
import city.yingzao.grants.domain.Tranches;
import city.yingzao.grants.infrastructure.CallStore;
import city.yingzao.grants.infrastructure.ProjectStore;
import city.yingzao.grants.infrastructure.ReviewStore;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** G3, G4: the ranking, the award proposal, the operator's confirmation and the agreements it creates. */
@ApplicationScoped
public class AwardService {

    @Inject
    CallStore calls;

    @Inject
    CallService callService;

    @Inject
    ReviewStore reviews;

    @Inject
    ProjectStore projects;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    /** The ranking with the proposal, and how long computing it took (the database's reads included). */
    public record RankingView(String callId, long budgetFen, long proposedFen, List<AwardPolicy.Line> lines, long millis) {
    }

    // G3: raw and normalised means, disagreement flags, the ranking with its tie rules and the greedy proposal
    public RankingView ranking(String callId) {
        long t0 = System.nanoTime();
        GrantCall call = callService.call(callId);
        AwardPolicy.Proposal p = proposal(call);
        return new RankingView(call.id(), p.budgetFen(), p.proposedFen(), p.lines(), (System.nanoTime() - t0) / 1_000_000);
    }

    AwardPolicy.Proposal proposal(GrantCall call) {
        List<GrantApplication> apps = calls.applications(call.id(), null, GrantApplication.Status.SUBMITTED);
        Map<String, Scoring.Summary> s = Scoring.summarise(call.rubric(), call.scaleMax(), call.reviewsPerApplication(),
                call.disagreementThreshold(), apps.stream().map(GrantApplication::id).toList(), reviews.reviewsOfCall(call.id()));
        return AwardPolicy.propose(apps.stream().map(a -> new AwardPolicy.Candidate(a.id(), a.requestedFen(), a.submittedAt(),
                s.get(a.id()))).toList(), call.budgetFen());
    }

    /** The decision as confirmed: awarded and declined, with the departures and their reasons. */
    public record Confirmation(String callId, long awardedFen, List<AwardDecision> decisions, List<Project> projects) {
    }

    // G3/G4: the operator confirms; every departure from the proposal needs a reason; never above the budget
    @Transactional
    public Confirmation confirm(String callId, List<String> awarded, Map<String, String> reasons) {
        GrantCall call = calls.lockCall(Ids.uuid("callId", callId)).orElseThrow(() -> Problems.notFound("call", callId));
        if (call.status() != GrantCall.Status.IN_REVIEW) {
            Rules.conflict("G3", "awards are confirmed once, for a call in review (it is " + call.status() + ")");
        }
        AwardPolicy.Proposal proposal = proposal(call);
        Map<String, AwardPolicy.Line> lines = new HashMap<>();
        proposal.lines().forEach(l -> lines.put(l.applicationId(), l));
        Set<String> chosen = new HashSet<>(awarded);
        Map<String, String> why = reasons == null ? Map.of() : reasons;
        List<Rejection> wrong = new ArrayList<>();
        long total = 0;
        for (String id : chosen) {
            AwardPolicy.Line l = lines.get(id);
            if (l == null) {
                wrong.add(new Rejection("G3", id + " is not a submitted application of this call"));
                continue;
            }
            total += l.requestedFen();
        }
        if (total > call.budgetFen()) {
            wrong.add(new Rejection("G3", "the awards add up to " + total + " fen, the call's budget is " + call.budgetFen() + " fen"));
        }
        for (AwardPolicy.Line l : proposal.lines()) {
            boolean departs = l.proposed() != chosen.contains(l.applicationId());
            if (departs && (why.get(l.applicationId()) == null || why.get(l.applicationId()).isBlank())) {
                wrong.add(new Rejection("G3", l.applicationId() + (l.proposed() ? " was proposed and is not awarded" : " was not proposed and is awarded")
                        + ": a departure from the proposal needs a reason"));
            }
        }
        Rules.enforceAll(wrong);
        Instant now = Instant.now();
        List<AwardDecision> decisions = new ArrayList<>();
        List<Project> created = new ArrayList<>();
        List<TranchePlan> plan = Tranches.parse(call.trancheSplit());
        for (AwardPolicy.Line l : proposal.lines()) {
            GrantApplication a = calls.application(l.applicationId()).orElseThrow();
            boolean award = chosen.contains(a.id());
            boolean departs = l.proposed() != award;
            List<String> reviewerIds = l.scores().reviewerIds();
            AwardDecision d = new AwardDecision(a.id(), call.id(), award ? "AWARDED" : "DECLINED", award ? a.requestedFen() : 0,
                    l.rank(), l.proposed(), departs ? why.get(a.id()).trim() : null, reviewerIds, access.who(), now);
            reviews.insertDecision(d);
            decisions.add(d);
            calls.setStatus(a.id(), award ? GrantApplication.Status.AWARDED : GrantApplication.Status.DECLINED, null, null);
            calls.timeline(a.id(), d.decision(), award ? "awarded " + a.requestedFen() + " fen" : "declined", access.who());
            outbox.append(new ApplicationDecidedV1(a.id(), call.id(), a.organisationCode(), a.targetKind(), a.targetCode(), d.decision(),
                    d.awardedFen(), l.rank() == null ? 0 : l.rank(), reviewerIds, now));
            if (award) {
                Project p = new Project(UUID.randomUUID().toString(), a.id(), call.id(), call.programmeYear(), a.title(), a.organisationCode(),
                        a.targetKind(), a.targetCode(), a.districtCode(), a.pivotCategory(), a.requestedFen(), Project.Status.AWARDED, null,
                        null, null, call.frameworkVersion(), reviewerIds);
                projects.insertProject(p);
                List<Long> amounts = Tranches.split(a.requestedFen(), plan);
                for (int i = 0; i < plan.size(); i++) {
                    projects.insertTranche(new Tranche(p.id(), i + 1, plan.get(i).percent(), amounts.get(i), plan.get(i).condition(),
                            Tranche.Status.PENDING, null));
                }
                created.add(p);
            }
        }
        calls.setCallStatus(call.id(), GrantCall.Status.DECIDED);
        return new Confirmation(call.id(), total, decisions, created);
    }

    public List<AwardDecision> decisions(String callId) {
        return reviews.decisions(Ids.uuid("callId", callId));
    }
}

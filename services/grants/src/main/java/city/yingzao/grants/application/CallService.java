package city.yingzao.grants.application;

import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.grants.domain.CallRules;
import city.yingzao.grants.domain.Criterion;
import city.yingzao.grants.domain.GrantCall;
import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.domain.Programme;
import city.yingzao.grants.domain.Tranches;
import city.yingzao.grants.infrastructure.CallStore;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** G1, G7: funding programmes and their calls. */
@ApplicationScoped
public class CallService {

    @Inject
    CallStore store;

    @Inject
    Access access;

    @Inject
    BudgetLedger ledger;

    @Inject
    GrantsSettings settings;

    /** A programme with its ledger balance and what its calls have taken of it. */
    public record ProgrammeView(Programme programme, long ledgerBalanceFen, long callBudgetsFen) {
    }

    /** A new call as the operator describes it. */
    public record NewCall(String title, GrantTarget targetKind, Set<String> districtsInScope, Set<PivotCategory> pivotCategories,
                          Set<String> organisationTypes, int minRegistrationMonths, long maxAmountFen, boolean allowMultiplePerOrganisation,
                          LocalDate opensOn, LocalDate closesOn, long budgetFen, List<Criterion> rubric, int scaleMax,
                          int reviewsPerApplication, double disagreementThreshold, String certificateScheme) {
    }

    // G1: a programme per year, its budget credited to its ledger
    @Transactional
    public ProgrammeView createProgramme(int year, String title, long budgetFen, String operatorOrg) {
        if (budgetFen <= 0) {
            Rules.refuse("G1", "a programme needs a positive budget");
        }
        Programme p = new Programme(year, title.trim(), budgetFen, operatorOrg.trim(), Instant.now());
        if (!store.insertProgramme(p, access.who())) {
            throw Problems.alreadyExists("programme", String.valueOf(year));
        }
        ledger.post(year, BudgetEntry.Kind.BUDGET, "programme:" + year, "budget of programme " + year + ": " + p.title(), budgetFen);
        return programme(year);
    }

    public ProgrammeView programme(int year) {
        Programme p = store.programme(year).orElseThrow(() -> Problems.notFound("programme", String.valueOf(year)));
        return new ProgrammeView(p, ledger.balance(year), store.callBudgetsOf(year));
    }

    // G1, G2, G7: a call with its rules; the tranche split and framework version in force are frozen onto it
    @Transactional
    public GrantCall openCall(int year, NewCall c) {
        Programme p = store.programme(year).orElseThrow(() -> Problems.notFound("programme", String.valueOf(year)));
        List<Rejection> wrong = new ArrayList<>();
        if (c.closesOn().isBefore(c.opensOn())) {
            wrong.add(new Rejection("G1", "the call closes (" + c.closesOn() + ") before it opens (" + c.opensOn() + ")"));
        }
        if (c.maxAmountFen() > c.budgetFen()) {
            wrong.add(new Rejection("G1", "the maximum amount exceeds the call's budget"));
        }
        long taken = store.callBudgetsOf(year);
        if (taken + c.budgetFen() > p.budgetFen()) {
            wrong.add(new Rejection("G1", "the programme's calls would take " + (taken + c.budgetFen()) + " fen of its " + p.budgetFen()));
        }
        Set<String> codes = new HashSet<>();
        for (Criterion k : c.rubric()) {
            if (!codes.add(k.code())) {
                wrong.add(new Rejection("G3", "criterion " + k.code() + " appears twice in the rubric"));
            }
        }
        if (c.rubric().stream().mapToInt(Criterion::weight).sum() <= 0) {
            wrong.add(new Rejection("G3", "the rubric's weights must add up to more than 0"));
        }
        String split = settings.trancheSplit();
        Tranches.checkSplit(split).ifPresent(r -> wrong.add(new Rejection("G4", r)));
        Rules.enforceAll(wrong);
        Set<String> types = c.organisationTypes() == null || c.organisationTypes().isEmpty()
                ? Set.copyOf(CallRules.DEFAULT_ORGANISATION_TYPES) : c.organisationTypes();
        CallRules rules = new CallRules(c.targetKind(), orEmpty(c.districtsInScope()), c.pivotCategories() == null ? Set.of() : c.pivotCategories(),
                types, c.minRegistrationMonths(), c.maxAmountFen(), c.allowMultiplePerOrganisation(), c.closesOn());
        GrantCall call = new GrantCall(UUID.randomUUID().toString(), year, c.title().trim(), rules, c.opensOn(), c.budgetFen(), c.rubric(),
                c.scaleMax(), c.reviewsPerApplication(), c.disagreementThreshold(), blankToNull(c.certificateScheme()), split,
                settings.frameworkVersion(), GrantCall.Status.OPEN, Instant.now());
        store.insertCall(call, access.who());
        return call;
    }

    public GrantCall call(String id) {
        return store.call(Ids.uuid("callId", id)).orElseThrow(() -> Problems.notFound("call", id));
    }

    public List<GrantCall> calls(GrantCall.Status status) {
        return store.calls(status);
    }

    // G3: submissions close, review begins
    @Transactional
    public GrantCall startReview(String id) {
        GrantCall c = store.lockCall(Ids.uuid("callId", id)).orElseThrow(() -> Problems.notFound("call", id));
        if (c.status() != GrantCall.Status.OPEN) {
            Rules.conflict("G3", "the call is " + c.status() + ", not OPEN");
        }
        store.setCallStatus(c.id(), GrantCall.Status.IN_REVIEW);
        return call(id);
    }

    private static Set<String> orEmpty(Set<String> s) {
        return s == null ? Set.of() : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Accounts;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.domain.Project;
import city.yingzao.finance.domain.Payee;
import city.yingzao.finance.domain.PaymentReversal;
import city.yingzao.finance.domain.ProjectPayment;
import city.yingzao.finance.domain.Voucher;
import city.yingzao.finance.domain.ProjectEnding;
import city.yingzao.finance.domain.ProjectStep;
import city.yingzao.finance.domain.SpendingCategory;
import city.yingzao.finance.domain.SpendingPolicy;
import city.yingzao.finance.domain.StepGate;
import city.yingzao.finance.domain.Urgency;
import city.yingzao.finance.infrastructure.PaymentStore;
import city.yingzao.finance.infrastructure.ProjectStore;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fund-use projects through the nine steps (F5, F6): created by the community's staff in an
 * eligible category, advanced one step at a time when the gate holds, paid during implementation
 * within budget and balance, immutable once archived. Every transition is published on
 * {@code finance.projects} in the same transaction.
 */
@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectStore projects;

    @Inject
    Communities communities;

    @Inject
    LedgerService ledger;

    @Inject
    Access access;

    @Inject
    PaymentStore payments;

    @Inject
    Outbox outbox;

    /** A new project as the staff describe it. */
    public record NewProject(int fundYear, String title, String category, String purpose, long budgetFen,
                             long contributionFen, String urgency) {
    }

    /** A project with its history, for staff and the public alike (no personal data). */
    public record ProjectView(String id, String communityCode, int fundYear, String title, String category, String purpose,
                              long budgetFen, long contributionFen, String urgency, int step, String stepName, long paidFen,
                              String hearingSummary, Integer hearingAttendees, List<StepView> steps,
                              List<DecisionView> councilDecisions, String endedAs, String endedReason) {
    }

    public record StepView(int step, String stepName, String note, Instant at) {
    }

    public record DecisionView(String outcome, String decisionId, String title, String reason) {
    }

    /** A payment made against a project, with the ledger entry that moved the money. */
    public record PaymentView(String projectId, long amountFen, long paidFen, long budgetFen, String entryId, long sequence,
                              String hash, String payee, String voucher) {
    }

    /** Who a payment goes to and the voucher it is booked against. */
    public record PaymentOrder(long amountFen, String payeeOrg, String payeeName, String voucher, String memo) {
    }

    /** The reversal of a payment: the reversing entry, and the project's paid amount after it. */
    public record ReversalView(String projectId, String reversedEntryId, String entryId, long sequence, String hash,
                               long amountFen, long paidFen) {
    }

    @Transactional
    public ProjectView create(String communityCode, NewProject p) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        FundPolicyService.checkYear(p.fundYear());
        SpendingCategory category = parse("category", p.category(), SpendingCategory.class);
        Urgency urgency = parse("urgency", p.urgency(), Urgency.class);
        if (p.budgetFen() <= 0) {
            throw Problems.invalid("budgetFen", "must be more than zero fen, not " + p.budgetFen());
        }
        if (p.contributionFen() < 0) {
            throw Problems.invalid("contributionFen", "cannot be negative (" + p.contributionFen() + ")");
        }
        Rules.enforce(SpendingPolicy.check(category, p.title(), p.purpose()));
        Instant now = Instant.now();
        Project project = new Project(UUID.randomUUID().toString(), community.code(), p.fundYear(), p.title().trim(), category,
                p.purpose() == null ? "" : p.purpose().trim(), p.budgetFen(), p.contributionFen(), urgency,
                ProjectStep.PUBLICITY_AND_MOBILISATION, 0, null, null, access.who(), now, null, null);
        projects.insert(project);
        projects.recordStep(project.id(), project.step(), "created", access.who(), now);
        outbox.append(Events.stepChanged(project, now));
        return view(project);
    }

    /** F6: moves the project to {@code stepNumber}, which must be the next one, when its gate holds. */
    @Transactional
    public ProjectView advance(String projectId, int stepNumber, String note) {
        if (stepNumber < 1 || stepNumber > 9) {
            throw Problems.invalid("step", "steps are numbered 1 to 9, not " + stepNumber);
        }
        ProjectStep target = ProjectStep.number(stepNumber);
        Project project = require(projectId, true);
        Community community = communities.require(project.communityCode());
        boolean supervisor = access.supervisorOf(community);
        if (!supervisor) {
            access.requireStaffOf(community);
        }
        Rules.enforceAsConflict(StepGate.mayChange(project.step()));
        Rules.enforceAsConflict(project.endedRejection());
        Rules.enforce(StepGate.mayGiveNote(target, access.staffOf(community), supervisor));
        boolean noteGiven = note != null && !note.isBlank();
        StepGate.Facts facts = new StepGate.Facts(project.step(),
                target == ProjectStep.HOUSEHOLD_VOTE && projects.closedVoteRoundIncluded(project.id(), project.communityCode()),
                target == ProjectStep.COUNCIL_RESOLUTION && projects.resolutionAdopted(project.id(), project.communityCode()),
                project.hearingRecorded(), noteGiven);
        Rules.enforce(StepGate.mayAdvance(facts, target));
        Instant now = Instant.now();
        projects.moveTo(project.id(), target);
        projects.recordStep(project.id(), target, noteGiven ? note.trim() : null, access.who(), now);
        Project moved = projects.find(project.id(), false).orElseThrow();
        outbox.append(Events.stepChanged(moved, now));
        return view(moved);
    }

    /** F6 step 5 gate: the hearing of affected residents, recorded while the council's resolution is being published. */
    @Transactional
    public ProjectView recordHearing(String projectId, String summary, int attendees) {
        Project project = lockForChange(projectId);
        if (project.step() != ProjectStep.COUNCIL_RESOLUTION) {
            throw RuleViolation.of(new Rejection("F6", "a hearing is recorded at step " + ProjectStep.COUNCIL_RESOLUTION.label()
                    + ", before step " + ProjectStep.HEARING.label() + "; the project is at step " + project.step().label()));
        }
        if (summary == null || summary.isBlank()) {
            throw Problems.invalid("summary", "say what the hearing heard and concluded");
        }
        if (attendees < 0) {
            throw Problems.invalid("attendees", "cannot be negative (" + attendees + ")");
        }
        projects.recordHearing(project.id(), summary.trim(), attendees);
        return view(projects.find(project.id(), false).orElseThrow());
    }

    /**
     * F1, F6 step 6: pays from the community's dedicated account, within the budget and the balance, to a named
     * payee (F8: an organisation or supplier, never a person) against a voucher unique in the account (F1). The
     * payee and voucher lead the entry's memo, so the chain's hash covers them (the canonical form is unchanged).
     */
    @Transactional
    public PaymentView pay(String projectId, PaymentOrder order) {
        Project project = lockForChange(projectId);
        String payee = payee(order);
        String voucher = order.voucher() == null ? null : order.voucher().trim();
        if (!Voucher.valid(voucher)) {
            throw RuleViolation.of(new Rejection("F1", "a payment names its voucher 发票/凭证号: 3 to 40 letters, digits or "
                    + "- / . _ (got " + (voucher == null ? "none" : "\"" + voucher + "\"") + ")"));
        }
        String account = Accounts.communityFund(project.communityCode(), project.fundYear());
        Rules.enforceAsConflict(closedYear(project.communityCode(), project.fundYear()));
        Money amount = Money.fen(order.amountFen());
        Rules.enforce(ProjectPayment.check(project.step(), project.budget(), project.paid(), amount, account,
                ledger.balance(account)));
        String memo = order.memo();
        LedgerEntry entry = ledger.post(new LedgerService.Draft(Account.Kind.FUND, account, project.communityCode(), project.fundYear(),
                EntryKind.PROJECT_PAYMENT, project.id(), "payee " + payee + "; voucher " + voucher
                        + "; payment for project \"" + project.title() + "\""
                        + (memo == null || memo.isBlank() ? "" : ": " + memo.trim()),
                List.of(LedgerLine.debit(Accounts.projectExpense(project.id()), amount), LedgerLine.credit(account, amount))));
        // F1: the account's row is locked by the post, so the check and the insert below are serialised per account
        if (payments.voucherUsed(account, voucher)) {
            throw new RuleViolation(409, List.of(new Rejection("F1", "voucher " + voucher + " is booked already in account "
                    + account + "; a voucher pays once")));
        }
        payments.record(new PaymentStore.Payment(entry.id(), project.id(), account, order.amountFen(),
                blankToNull(order.payeeOrg()), payee, voucher, access.who(), null));
        projects.addPaid(project.id(), order.amountFen());
        return new PaymentView(project.id(), order.amountFen(), project.paidFen() + order.amountFen(), project.budgetFen(),
                entry.id(), entry.sequence(), entry.hash(), payee, voucher);
    }

    /**
     * F8: a payment made in error is undone by a reversing entry (never by editing or deleting it): it names the
     * payment's entry as its reference, gives the reason, is posted by a second member of the staff, once; the
     * money returns to the account and the project's paid amount drops by the same.
     */
    @Transactional
    public ReversalView reverse(String projectId, String entryId, String reason) {
        Project project = lockForChange(projectId);
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "say why the payment is reversed");
        }
        PaymentStore.Payment payment = parseUuid(entryId).flatMap(payments::lock)
                .filter(p -> p.projectId().equals(project.id()))
                .orElseThrow(() -> Problems.notFound("payment", entryId));
        Rules.enforceAsConflict(PaymentReversal.once(payment.reversalEntryId() != null));
        Rules.enforceAsConflict(closedYear(project.communityCode(), project.fundYear()));
        Rules.enforce(PaymentReversal.fourEyes(payment.postedBy(), access.who()));
        Money amount = Money.fen(payment.amountFen());
        LedgerEntry entry = ledger.post(new LedgerService.Draft(Account.Kind.FUND, payment.accountCode(), project.communityCode(),
                project.fundYear(), EntryKind.PROJECT_PAYMENT, payment.entryId(), "reversal of entry " + payment.entryId()
                        + " (voucher " + payment.voucher() + ", payee " + payment.payee() + "): " + reason.trim(),
                List.of(LedgerLine.debit(payment.accountCode(), amount), LedgerLine.credit(Accounts.projectExpense(project.id()), amount))));
        payments.recordReversal(payment.entryId(), entry.id(), reason.trim(), access.who());
        projects.addPaid(project.id(), -payment.amountFen());
        return new ReversalView(project.id(), payment.entryId(), entry.id(), entry.sequence(), entry.hash(),
                payment.amountFen(), project.paidFen() - payment.amountFen());
    }

    private java.util.Optional<Rejection> closedYear(String community, int fundYear) {
        return payments.yearClosed(community, fundYear)
                ? java.util.Optional.of(new Rejection("F1", "fund year " + fundYear + " of community " + community
                        + " is closed; its balance was carried over"))
                : java.util.Optional.empty();
    }

    /** F8: the payee as the public ledger shows it: the organisation's registry name and code, or the supplier's name. */
    private String payee(PaymentOrder order) {
        boolean org = order.payeeOrg() != null && !order.payeeOrg().isBlank();
        boolean named = order.payeeName() != null && !order.payeeName().isBlank();
        if (org == named) {
            throw RuleViolation.of(new Rejection("F8", "a payment names its payee: either payeeOrg (an organisation's "
                    + "registry code) or payeeName (a supplier), not " + (org ? "both" : "neither")));
        }
        String payee;
        if (org) {
            String code = order.payeeOrg().trim();
            payee = communities.organisationName(code).map(n -> n + " (" + code + ")")
                    .orElseThrow(() -> RuleViolation.of(new Rejection("F8", "organisation " + code
                            + " is not known to the registry; name a supplier with payeeName instead")));
        } else {
            payee = order.payeeName().trim();
        }
        Rules.enforce(Payee.check(payee));
        return payee;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static java.util.Optional<String> parseUuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id).toString());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * F6: the project ends without being carried out, withdrawn by staff or rejected after its motion
     * failed, with a reason; published as a step change whose step name is the ending.
     */
    @Transactional
    public ProjectView end(String projectId, ProjectEnding ending, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "say why the project ends; residents read it on the disclosure page");
        }
        Project project = lockForChange(projectId);
        Rules.enforce(ending.mayEnd(project.step(), project.paidFen(),
                projects.motionRejected(project.id(), project.communityCode())));
        Instant now = Instant.now();
        projects.end(project.id(), ending, reason.trim(), access.who(), now);
        Project ended = projects.find(project.id(), false).orElseThrow();
        outbox.append(Events.ended(ended, now));
        return view(ended);
    }

    @Transactional
    public ProjectView find(String projectId) {
        return view(require(projectId, false));
    }

    @Transactional
    public List<ProjectView> ofCommunity(String communityCode) {
        communities.require(communityCode);
        // three queries for the whole list, whatever the number of projects
        var steps = projects.stepsOfCommunity(communityCode);
        var decisions = projects.decisionsOfCommunity(communityCode);
        return projects.ofCommunity(communityCode).stream()
                .map(p -> view(p, steps.getOrDefault(p.id(), List.of()), decisions.getOrDefault(p.id(), List.of()))).toList();
    }

    private Project lockForChange(String projectId) {
        Project project = require(projectId, true);
        access.requireStaffOf(communities.require(project.communityCode()));
        Rules.enforceAsConflict(StepGate.mayChange(project.step()));
        Rules.enforceAsConflict(project.endedRejection());
        return project;
    }

    private Project require(String projectId, boolean lock) {
        try {
            UUID.fromString(projectId);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("project", projectId);
        }
        return projects.find(projectId, lock).orElseThrow(() -> Problems.notFound("project", projectId));
    }

    private ProjectView view(Project p) {
        return view(p, projects.steps(p.id()), projects.decisionsAbout(p.id()));
    }

    private static ProjectView view(Project p, List<ProjectStore.StepRecord> steps, List<String[]> decisions) {
        return new ProjectView(p.id(), p.communityCode(), p.fundYear(), p.title(), p.category().name(), p.purpose(),
                p.budgetFen(), p.contributionFen(), p.urgency().name(), p.step().number(), p.step().name(), p.paidFen(),
                p.hearingSummary(), p.hearingAttendees(),
                steps.stream().map(s -> new StepView(s.step(), s.stepName(), s.note(), s.changedAt())).toList(),
                decisions.stream().map(d -> new DecisionView(d[0], d[1], d[2], d[3])).toList(),
                p.endedAs() == null ? null : p.endedAs().name(), p.endedReason());
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not " + value);
        }
    }
}

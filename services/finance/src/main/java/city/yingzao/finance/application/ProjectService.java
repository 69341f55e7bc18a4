package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Accounts;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.domain.Project;
import city.yingzao.finance.domain.ProjectPayment;
import city.yingzao.finance.domain.ProjectStep;
import city.yingzao.finance.domain.SpendingCategory;
import city.yingzao.finance.domain.SpendingPolicy;
import city.yingzao.finance.domain.StepGate;
import city.yingzao.finance.domain.Urgency;
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
    Outbox outbox;

    /** A new project as the staff describe it. */
    public record NewProject(int fundYear, String title, String category, String purpose, long budgetFen,
                             long contributionFen, String urgency) {
    }

    /** A project with its history, for staff and the public alike (no personal data). */
    public record ProjectView(String id, String communityCode, int fundYear, String title, String category, String purpose,
                              long budgetFen, long contributionFen, String urgency, int step, String stepName, long paidFen,
                              String hearingSummary, Integer hearingAttendees, List<StepView> steps,
                              List<DecisionView> councilDecisions) {
    }

    public record StepView(int step, String stepName, String note, Instant at) {
    }

    public record DecisionView(String outcome, String decisionId, String title, String reason) {
    }

    /** A payment made against a project, with the ledger entry that moved the money. */
    public record PaymentView(String projectId, long amountFen, long paidFen, long budgetFen, String entryId, long sequence,
                              String hash) {
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
                ProjectStep.PUBLICITY_AND_MOBILISATION, 0, null, null, access.who(), now);
        projects.insert(project);
        projects.recordStep(project.id(), project.step(), "created", access.who(), now);
        outbox.append(Events.stepChanged(project, now));
        return view(project);
    }

    /** F6: moves the project to {@code stepNumber}, which must be the next one, when its gate holds. */
    @Transactional
    public ProjectView advance(String projectId, int stepNumber, String note) {
        Project project = lockForChange(projectId);
        if (stepNumber < 1 || stepNumber > 9) {
            throw Problems.invalid("step", "steps are numbered 1 to 9, not " + stepNumber);
        }
        ProjectStep target = ProjectStep.number(stepNumber);
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

    /** F1, F6 step 6: pays from the community's dedicated account, within the budget and the balance. */
    @Transactional
    public PaymentView pay(String projectId, long amountFen, String memo) {
        Project project = lockForChange(projectId);
        String account = Accounts.communityFund(project.communityCode(), project.fundYear());
        Money amount = Money.fen(amountFen);
        Rules.enforce(ProjectPayment.check(project.step(), project.budget(), project.paid(), amount, account,
                ledger.balance(account)));
        LedgerEntry entry = ledger.post(new LedgerService.Draft(Account.Kind.FUND, account, project.communityCode(), project.fundYear(),
                EntryKind.PROJECT_PAYMENT, project.id(), "payment for project \"" + project.title() + "\""
                        + (memo == null || memo.isBlank() ? "" : ": " + memo.trim()),
                List.of(LedgerLine.debit(Accounts.projectExpense(project.id()), amount), LedgerLine.credit(account, amount))));
        projects.addPaid(project.id(), amountFen);
        return new PaymentView(project.id(), amountFen, project.paidFen() + amountFen, project.budgetFen(), entry.id(),
                entry.sequence(), entry.hash());
    }

    @Transactional
    public ProjectView find(String projectId) {
        return view(require(projectId, false));
    }

    @Transactional
    public List<ProjectView> ofCommunity(String communityCode) {
        communities.require(communityCode);
        return projects.ofCommunity(communityCode).stream().map(this::view).toList();
    }

    private Project lockForChange(String projectId) {
        Project project = require(projectId, true);
        access.requireStaffOf(communities.require(project.communityCode()));
        Rules.enforceAsConflict(StepGate.mayChange(project.step()));
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
        return new ProjectView(p.id(), p.communityCode(), p.fundYear(), p.title(), p.category().name(), p.purpose(),
                p.budgetFen(), p.contributionFen(), p.urgency().name(), p.step().number(), p.step().name(), p.paidFen(),
                p.hearingSummary(), p.hearingAttendees(),
                projects.steps(p.id()).stream().map(s -> new StepView(s.step(), s.stepName(), s.note(), s.changedAt())).toList(),
                projects.decisionsAbout(p.id()).stream().map(d -> new DecisionView(d[0], d[1], d[2], d[3])).toList());
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

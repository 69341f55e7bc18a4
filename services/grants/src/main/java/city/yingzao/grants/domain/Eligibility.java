package city.yingzao.grants.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * G2: an application is eligible when every condition of its call holds; the check names every failed
 * condition, not only the first, so the agency can fix them all at once.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** What the agency submits, as far as eligibility reads it. */
    public record Submission(String organisationCode, PivotCategory pivotCategory, long requestedFen, List<BudgetLine> budget) {
        public Submission {
            budget = List.copyOf(budget);
        }
    }

    // G2: organisation type and registration age, target exists and in scope, pivot category, amount,
    // one application per organisation per call unless allowed, budget lines add up
    public static List<Rejection> check(CallRules call, Submission s, Organisation org, Target target,
            int otherApplicationsOfOrganisation, LocalDate today) {
        List<Rejection> failed = new ArrayList<>();
        if (org == null) {
            failed.add(new Rejection("G2", "organisation " + s.organisationCode() + " is not in the registry"));
        } else {
            if (!org.active()) {
                failed.add(new Rejection("G2", "organisation " + org.code() + " is deregistered"));
            }
            if (!call.organisationTypes().contains(org.type())) {
                failed.add(new Rejection("G2", "organisation type " + org.type() + " may not apply (allowed: "
                        + String.join(", ", call.organisationTypes().stream().sorted().toList()) + ")"));
            }
            LocalDate needed = call.closesOn().minusMonths(call.minRegistrationMonths());
            if (org.registeredOn() == null || org.registeredOn().isAfter(needed)) {
                failed.add(new Rejection("G2", "organisation registered on " + org.registeredOn() + ", the call needs "
                        + call.minRegistrationMonths() + " months of registration by " + call.closesOn()
                        + " (registered on or before " + needed + ")"));
            }
        }
        if (!target.exists()) {
            failed.add(new Rejection("G2", target.kind().name().toLowerCase() + " " + target.code() + " does not exist"));
        } else {
            if (target.kind() != call.targetKind()) {
                failed.add(new Rejection("G2", "the call funds " + call.targetKind().name().toLowerCase()
                        + " targets, not a " + target.kind().name().toLowerCase()));
            }
            if (!call.districtsInScope().isEmpty() && !call.districtsInScope().contains(target.districtCode())) {
                failed.add(new Rejection("G2", target.kind().name().toLowerCase() + " " + target.code() + " (district "
                        + target.districtCode() + ") is outside the call's scope"));
            }
        }
        if (!call.pivotCategories().isEmpty() && (s.pivotCategory() == null || !call.pivotCategories().contains(s.pivotCategory()))) {
            failed.add(new Rejection("G2", "pivot category " + s.pivotCategory() + " is not funded by this call"));
        }
        if (s.requestedFen() <= 0 || s.requestedFen() > call.maxAmountFen()) {
            failed.add(new Rejection("G2", "requested " + s.requestedFen() + " fen, the call allows 1 to " + call.maxAmountFen() + " fen"));
        }
        if (!call.allowMultiplePerOrganisation() && otherApplicationsOfOrganisation > 0) {
            failed.add(new Rejection("G2", "organisation " + s.organisationCode() + " already has an application in this call"));
        }
        budgetAddsUp(s.budget(), s.requestedFen()).ifPresent(failed::add);
        if (today != null && today.isAfter(call.closesOn())) {
            failed.add(new Rejection("G2", "the call closed on " + call.closesOn()));
        }
        return failed;
    }

    // G2: the budget lines are positive and add up exactly to the amount requested
    public static java.util.Optional<Rejection> budgetAddsUp(List<BudgetLine> lines, long requestedFen) {
        if (lines.isEmpty()) {
            return java.util.Optional.of(new Rejection("G2", "the budget has no lines"));
        }
        long sum = 0;
        for (BudgetLine l : lines) {
            if (l.amountFen() <= 0) {
                return java.util.Optional.of(new Rejection("G2", "budget line '" + l.item() + "' must be positive"));
            }
            sum = Math.addExact(sum, l.amountFen());
        }
        return sum == requestedFen ? java.util.Optional.empty()
                : java.util.Optional.of(new Rejection("G2", "budget lines add up to " + sum + " fen, the application requests "
                        + requestedFen + " fen"));
    }
}

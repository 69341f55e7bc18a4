package city.yingzao.grants.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * G4: an award split into tranches in integer fen. Each tranche but the last is floor(award × percent / 100);
 * the last takes the remainder, so the tranches always add up to the award exactly.
 */
public final class Tranches {

    private Tranches() {
    }

    // G4: the plan's percentages are positive and add up to 100
    public static Optional<Rejection> checkPlan(List<TranchePlan> plan) {
        if (plan.isEmpty()) {
            return Optional.of(new Rejection("G4", "a tranche plan needs at least one tranche"));
        }
        int sum = 0;
        for (TranchePlan p : plan) {
            if (p.percent() <= 0) {
                return Optional.of(new Rejection("G4", "every tranche needs a positive share, got " + p.percent() + "%"));
            }
            sum += p.percent();
        }
        return sum == 100 ? Optional.empty() : Optional.of(new Rejection("G4", "tranche shares add up to " + sum + "%, not 100%"));
    }

    // G4: amounts in fen that add up exactly (the last tranche takes the remainder)
    public static List<Long> split(long awardFen, List<TranchePlan> plan) {
        List<Long> amounts = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < plan.size(); i++) {
            long amount = i == plan.size() - 1 ? awardFen - given
                    : Math.multiplyExact(awardFen, plan.get(i).percent()) / 100;
            amounts.add(amount);
            given += amount;
        }
        return amounts;
    }

    /** "40/40/20" as AGREEMENT_SIGNED, MID_TERM_PASSED, FINAL_PASSED (with a fourth and more: REPORT_FILED). */
    public static List<TranchePlan> parse(String split) {
        String[] parts = split.split("/");
        List<TranchePlan> plan = new ArrayList<>();
        ReleaseCondition[] defaults = {ReleaseCondition.AGREEMENT_SIGNED, ReleaseCondition.MID_TERM_PASSED, ReleaseCondition.FINAL_PASSED};
        for (int i = 0; i < parts.length; i++) {
            int percent = Integer.parseInt(parts[i].trim());
            ReleaseCondition c = parts.length == 1 ? ReleaseCondition.AGREEMENT_SIGNED
                    : i == 0 ? ReleaseCondition.AGREEMENT_SIGNED
                    : i == parts.length - 1 ? ReleaseCondition.FINAL_PASSED
                    : i < defaults.length - 1 ? defaults[i] : ReleaseCondition.REPORT_FILED;
            plan.add(new TranchePlan(percent, c));
        }
        return plan;
    }

    /** Whether a tranche split setting reads as a plan that adds up to 100. */
    public static Optional<String> checkSplit(String split) {
        try {
            return checkPlan(parse(split)).map(Rejection::reason);
        } catch (RuntimeException e) {
            return Optional.of("must read like 40/40/20 (whole percentages separated by /)");
        }
    }
}

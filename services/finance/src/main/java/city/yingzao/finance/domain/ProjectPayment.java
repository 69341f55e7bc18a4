package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/** F1 and F6 step 6: a payment is made only during implementation, never above the approved budget nor the account balance. */
public final class ProjectPayment {

    private ProjectPayment() {
    }

    // F6: payments only while the project is being implemented; F1: within budget and balance
    public static Optional<Rejection> check(ProjectStep step, Money budget, Money paid, Money amount, String accountCode,
            Money balance) {
        if (!amount.isPositive()) {
            return Optional.of(new Rejection("F1", "a payment must be more than zero, not " + amount));
        }
        if (step != ProjectStep.IMPLEMENTATION) {
            return Optional.of(new Rejection("F6", "payments are made at step " + ProjectStep.IMPLEMENTATION.label()
                    + "; the project is at step " + step.label()));
        }
        if (paid.plus(amount).exceeds(budget)) {
            return Optional.of(new Rejection("F1", "paying " + amount + " would bring the project to " + paid.plus(amount)
                    + ", above its approved budget of " + budget));
        }
        return NonNegativeBalance.check(accountCode, balance, Money.ZERO.minus(amount));
    }
}

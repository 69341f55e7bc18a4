package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/** F1: money leaves a dedicated account or a micro-fund only if it is there; no balance goes below zero. */
public final class NonNegativeBalance {

    private NonNegativeBalance() {
    }

    // F1: the balance after the movement is not negative
    public static Optional<Rejection> check(String accountCode, Money balance, Money effect) {
        Money after = balance.plus(effect);
        if (after.isNegative()) {
            return Optional.of(new Rejection("F1", "account " + accountCode + " holds " + balance + "; taking "
                    + Money.ZERO.minus(effect) + " would leave it at " + after));
        }
        return Optional.empty();
    }
}

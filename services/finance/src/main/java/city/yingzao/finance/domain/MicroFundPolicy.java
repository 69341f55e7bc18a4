package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * F9: a community's micro-fund takes donations and grants them to organisations, on the same ledger
 * rules as the dedicated account (F1 balanced, never negative; F8 disclosed without personal data).
 */
public final class MicroFundPolicy {

    private MicroFundPolicy() {
    }

    // F9: a donation brings money in; its amount is positive
    public static Optional<Rejection> checkDonation(Money amount) {
        return amount.isPositive() ? Optional.empty()
                : Optional.of(new Rejection("F9", "a donation must be more than zero, not " + amount));
    }

    // F9 + F1: a grant goes to an organisation and never takes more than the micro-fund holds
    public static Optional<Rejection> checkGrant(String orgCode, Money amount, String accountCode, Money balance) {
        if (orgCode == null || orgCode.isBlank()) {
            return Optional.of(new Rejection("F9", "a grant goes to an organisation; name its code"));
        }
        if (!amount.isPositive()) {
            return Optional.of(new Rejection("F9", "a grant must be more than zero, not " + amount));
        }
        return NonNegativeBalance.check(accountCode, balance, Money.ZERO.minus(amount));
    }

    /** F8: the public memo of a donation: the donor's type and the purpose, never the name. */
    public static String publicMemo(DonorType type, String purpose) {
        return type.publicLabel() + ": " + purpose;
    }
}

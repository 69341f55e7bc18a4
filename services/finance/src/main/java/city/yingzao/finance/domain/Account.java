package city.yingzao.finance.domain;

/**
 * A chained account: a community's dedicated fund per year (F1) or its micro-fund (F9), with its
 * balance (debits − credits, never negative) and the head of its hash chain (F8).
 */
public record Account(String code, String communityCode, int fundYear, Kind kind, Money balance, long lastSequence,
                      String lastHash) {

    public enum Kind {
        FUND, MICROFUND
    }

    /** The account after {@code entry} was appended to it. */
    public Account after(LedgerEntry entry) {
        return new Account(code, communityCode, fundYear, kind, balance.plus(entry.effect()), entry.sequence(), entry.hash());
    }
}

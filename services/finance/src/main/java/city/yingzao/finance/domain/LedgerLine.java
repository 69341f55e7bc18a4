package city.yingzao.finance.domain;

/** One side of a ledger entry: exactly one of debit and credit is positive (F1). */
public record LedgerLine(String account, long debitFen, long creditFen) {

    public static LedgerLine debit(String account, Money amount) {
        return new LedgerLine(account, amount.fen(), 0);
    }

    public static LedgerLine credit(String account, Money amount) {
        return new LedgerLine(account, 0, amount.fen());
    }

    /** What this line does to an asset account's balance: + debit − credit. */
    public long effectOn(String accountCode) {
        return account.equals(accountCode) ? debitFen - creditFen : 0;
    }
}

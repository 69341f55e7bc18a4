package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.Optional;

/** F1: every movement is a balanced double entry: two lines or more, each one-sided and positive, debits = credits. */
public final class BalancedEntry {

    private BalancedEntry() {
    }

    // F1: debits equal credits, every line moves money on exactly one side
    public static Optional<Rejection> check(List<LedgerLine> lines) {
        if (lines.size() < 2) {
            return Optional.of(new Rejection("F1", "an entry needs a debit and a credit line, got " + lines.size() + " line(s)"));
        }
        for (LedgerLine line : lines) {
            if (line.debitFen() < 0 || line.creditFen() < 0 || (line.debitFen() > 0) == (line.creditFen() > 0)) {
                return Optional.of(new Rejection("F1", "line of " + line.account()
                        + " must have exactly one positive side (debit " + line.debitFen() + ", credit " + line.creditFen() + ")"));
            }
        }
        long debits = lines.stream().mapToLong(LedgerLine::debitFen).sum();
        long credits = lines.stream().mapToLong(LedgerLine::creditFen).sum();
        if (debits != credits) {
            return Optional.of(new Rejection("F1", "debits " + Money.fen(debits) + " do not equal credits " + Money.fen(credits)));
        }
        return Optional.empty();
    }
}

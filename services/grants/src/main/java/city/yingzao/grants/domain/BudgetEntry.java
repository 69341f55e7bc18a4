package city.yingzao.grants.domain;

import city.yingzao.kernel.ledger.HashChain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * G4: an entry of a programme's budget ledger, append-only and hash-chained with the kernel's
 * {@link HashChain} (the same guarantees as finance's ledger). {@code amountFen} is positive for money in
 * (the budget) and negative for money out (a tranche released); {@code balanceAfterFen} is what is left.
 * Canonical content, in order: id, programme year, sequence, kind, reference, memo, amount, balance after,
 * postedAt (ISO-8601, microseconds).
 */
public record BudgetEntry(String id, int programmeYear, long sequence, Kind kind, String reference, String memo, long amountFen,
                          long balanceAfterFen, Instant postedAt, String previousHash, String hash) implements HashChain.Link {

    public enum Kind { BUDGET, TRANCHE_RELEASE }

    public static final int MEMO_MAX = 500;

    public BudgetEntry {
        postedAt = postedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The entry after {@code previousHash} at {@code sequence}, hashed. */
    public static BudgetEntry chain(String id, int year, long sequence, Kind kind, String reference, String memo, long amountFen,
            long balanceAfterFen, Instant postedAt, String previousHash) {
        String kept = memo.codePointCount(0, memo.length()) <= MEMO_MAX ? memo
                : memo.substring(0, memo.offsetByCodePoints(0, MEMO_MAX - 1)) + "…";
        BudgetEntry unhashed = new BudgetEntry(id, year, sequence, kind, reference, kept, amountFen, balanceAfterFen, postedAt,
                previousHash, "");
        return new BudgetEntry(id, year, sequence, kind, reference, kept, amountFen, balanceAfterFen, unhashed.postedAt(),
                previousHash, HashChain.hash(previousHash, unhashed.canonical()));
    }

    public String canonical() {
        return HashChain.canonical().field(id).field(programmeYear).field(sequence).field(kind.name()).field(reference)
                .field(memo).field(amountFen).field(balanceAfterFen).field(postedAt.toString()).toString();
    }

    // G4: the budget is never overspent: a balance that goes negative breaks the ledger
    public static java.util.Optional<String> check(BudgetEntry e, long balanceBefore) {
        if (balanceBefore + e.amountFen() != e.balanceAfterFen()) {
            return java.util.Optional.of("balance after " + e.balanceAfterFen() + " is not " + balanceBefore + " + " + e.amountFen());
        }
        return e.balanceAfterFen() < 0 ? java.util.Optional.of("G4: the budget would go negative") : java.util.Optional.empty();
    }
}

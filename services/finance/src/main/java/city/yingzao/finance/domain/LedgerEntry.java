package city.yingzao.finance.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A posted, immutable entry of a chained account (F1, F8). {@code previousHash} is the hash of the
 * account's entry at {@code sequence - 1}, null for the first; {@code hash} covers this entry's
 * content and {@code previousHash} ({@link HashChain}).
 */
public record LedgerEntry(String id, String accountCode, String communityCode, int fundYear, long sequence,
                          EntryKind kind, String reference, String memo, Instant postedAt, List<LedgerLine> lines,
                          String previousHash, String hash) implements city.yingzao.kernel.ledger.HashChain.Link {

    /**
     * The longest memo an entry keeps: the width of {@code ledger_entry.memo} and the {@code maxLength} of
     * {@code memo} in the published {@code ledger-entry-posted.v1} contract.
     */
    public static final int MEMO_MAX = 500;

    public LedgerEntry {
        lines = List.copyOf(lines);
        postedAt = postedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The entry that follows {@code previousHash} at {@code sequence}, hashed. A memo longer than {@link #MEMO_MAX}
     * characters (a payment names its project's title, up to 500, and the staff's memo, up to 300) is cut to fit,
     * ending in "…"; the hash covers the memo as kept.
     */
    public static LedgerEntry chain(String id, String accountCode, String communityCode, int fundYear, long sequence,
            EntryKind kind, String reference, String text, Instant postedAt, List<LedgerLine> lines, String previousHash) {
        String memo = fit(text);
        LedgerEntry unhashed = new LedgerEntry(id, accountCode, communityCode, fundYear, sequence, kind, reference, memo,
                postedAt, lines, previousHash, "");
        return new LedgerEntry(id, accountCode, communityCode, fundYear, sequence, kind, reference, memo,
                unhashed.postedAt(), lines, previousHash, HashChain.hash(previousHash, unhashed));
    }

    /** The memo cut to {@link #MEMO_MAX} characters (code points, as PostgreSQL counts them), ending in "…" when cut. */
    public static String fit(String memo) {
        if (memo == null || memo.codePointCount(0, memo.length()) <= MEMO_MAX) {
            return memo;
        }
        return memo.substring(0, memo.offsetByCodePoints(0, MEMO_MAX - 1)) + "…";
    }

    /** What the entry does to its chained account's balance. */
    public Money effect() {
        return Money.fen(lines.stream().mapToLong(l -> l.effectOn(accountCode)).sum());
    }
}

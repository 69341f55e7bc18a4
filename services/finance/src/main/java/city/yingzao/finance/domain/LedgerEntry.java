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
                          String previousHash, String hash) {

    public LedgerEntry {
        lines = List.copyOf(lines);
        postedAt = postedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The entry that follows {@code previousHash} at {@code sequence}, hashed. */
    public static LedgerEntry chain(String id, String accountCode, String communityCode, int fundYear, long sequence,
            EntryKind kind, String reference, String memo, Instant postedAt, List<LedgerLine> lines, String previousHash) {
        LedgerEntry unhashed = new LedgerEntry(id, accountCode, communityCode, fundYear, sequence, kind, reference, memo,
                postedAt, lines, previousHash, "");
        return new LedgerEntry(id, accountCode, communityCode, fundYear, sequence, kind, reference, memo,
                unhashed.postedAt(), lines, previousHash, HashChain.hash(previousHash, unhashed));
    }

    /** What the entry does to its chained account's balance. */
    public Money effect() {
        return Money.fen(lines.stream().mapToLong(l -> l.effectOn(accountCode)).sum());
    }
}

package city.yingzao.finance.domain;

import java.util.List;
import java.util.Optional;

/**
 * F8: the entries of an account form a hash chain, so a changed, removed or inserted row shows. The
 * chain mechanism (hash, length-prefixed encoding, verification) is the kernel's
 * {@link city.yingzao.kernel.ledger.HashChain}; this class names finance's fields and their order.
 * hash = SHA-256 hex of UTF-8 ( (previousHash or "") + "\n" + canonical content ), where the
 * canonical content is every field, each written as {@code <length>:<value>;} in this order: id,
 * account, community, fund year, sequence, kind, reference, memo, postedAt (ISO-8601, microseconds),
 * then for each line account, debit fen, credit fen. Length prefixes make it unambiguous whatever a
 * memo contains; anyone holding the published entries can recompute it.
 */
public final class HashChain {

    private HashChain() {
    }

    public static String hash(String previousHash, LedgerEntry entry) {
        return city.yingzao.kernel.ledger.HashChain.hash(previousHash, canonical(entry));
    }

    public static String canonical(LedgerEntry e) {
        city.yingzao.kernel.ledger.HashChain.Canonical s = city.yingzao.kernel.ledger.HashChain.canonical()
                .field(e.id())
                .field(e.accountCode())
                .field(e.communityCode())
                .field(String.valueOf(e.fundYear()))
                .field(String.valueOf(e.sequence()))
                .field(e.kind().name())
                .field(e.reference())
                .field(e.memo())
                .field(e.postedAt().toString());
        for (LedgerLine line : e.lines()) {
            s.field(line.account()).field(String.valueOf(line.debitFen())).field(String.valueOf(line.creditFen()));
        }
        return s.toString();
    }

    /** Where a chain stops holding: the entry, what its hash should be and what was found. */
    public record Break(String entryId, String accountCode, long sequence, String problem, String expected, String found) {
    }

    // F8: recompute the chain of one account in sequence order and report the first break (the kernel's
    // chain check, plus F1: every entry balanced)
    public static Optional<Break> firstBreak(List<LedgerEntry> entriesInOrder) {
        String account = entriesInOrder.isEmpty() ? null : entriesInOrder.get(0).accountCode();
        return city.yingzao.kernel.ledger.HashChain.firstBreak(entriesInOrder, HashChain::canonical,
                        e -> BalancedEntry.check(e.lines()).map(r -> r.message()))
                .map(b -> new Break(b.entryId(), accountOf(entriesInOrder, b.entryId(), account), b.sequence(), b.problem(),
                        b.problem().startsWith("F1") ? "balanced" : b.expected(),
                        b.problem().startsWith("F1") ? "unbalanced" : b.found()));
    }

    private static String accountOf(List<LedgerEntry> entries, String id, String fallback) {
        return entries.stream().filter(e -> e.id().equals(id)).map(LedgerEntry::accountCode).findFirst().orElse(fallback);
    }
}

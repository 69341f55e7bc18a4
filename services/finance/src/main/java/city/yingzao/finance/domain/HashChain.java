package city.yingzao.finance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * F8: the entries of an account form a hash chain, so a changed, removed or inserted row shows.
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = (previousHash == null ? "" : previousHash) + "\n" + canonical(entry);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public static String canonical(LedgerEntry e) {
        StringBuilder s = new StringBuilder();
        field(s, e.id());
        field(s, e.accountCode());
        field(s, e.communityCode());
        field(s, String.valueOf(e.fundYear()));
        field(s, String.valueOf(e.sequence()));
        field(s, e.kind().name());
        field(s, e.reference());
        field(s, e.memo());
        field(s, e.postedAt().toString());
        for (LedgerLine line : e.lines()) {
            field(s, line.account());
            field(s, String.valueOf(line.debitFen()));
            field(s, String.valueOf(line.creditFen()));
        }
        return s.toString();
    }

    private static void field(StringBuilder s, String value) {
        s.append(value.length()).append(':').append(value).append(';');
    }

    /** Where a chain stops holding: the entry, what its hash should be and what was found. */
    public record Break(String entryId, String accountCode, long sequence, String problem, String expected, String found) {
    }

    // F8: recompute the chain of one account in sequence order and report the first break
    public static Optional<Break> firstBreak(List<LedgerEntry> entriesInOrder) {
        String previous = null;
        long expectedSequence = 1;
        for (LedgerEntry e : entriesInOrder) {
            if (e.sequence() != expectedSequence) {
                return Optional.of(new Break(e.id(), e.accountCode(), e.sequence(), "sequence gap: expected "
                        + expectedSequence, String.valueOf(expectedSequence), String.valueOf(e.sequence())));
            }
            if (!java.util.Objects.equals(previous, e.previousHash())) {
                return Optional.of(new Break(e.id(), e.accountCode(), e.sequence(),
                        "previous hash does not match the hash of the entry before", previous, e.previousHash()));
            }
            String recomputed = hash(e.previousHash(), e);
            if (!recomputed.equals(e.hash())) {
                return Optional.of(new Break(e.id(), e.accountCode(), e.sequence(),
                        "content does not match its hash", recomputed, e.hash()));
            }
            if (BalancedEntry.check(e.lines()).isPresent()) {
                return Optional.of(new Break(e.id(), e.accountCode(), e.sequence(),
                        BalancedEntry.check(e.lines()).get().message(), "balanced", "unbalanced"));
            }
            previous = e.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }
}

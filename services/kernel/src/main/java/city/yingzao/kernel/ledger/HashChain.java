package city.yingzao.kernel.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The hash chain of an append-only ledger (finance F8, grants G4), plain Java. An entry's hash is the
 * SHA-256 hex of UTF-8 ( (previousHash or "") + "\n" + canonical content ), where the canonical content
 * is every field of the entry written as {@code <length>:<value>;} in a fixed order ({@link Canonical}).
 * Length prefixes make it unambiguous whatever a memo contains; anyone holding the published entries
 * can recompute it. Each ledger says which fields, in which order, in its own canonical form.
 */
public final class HashChain {

    private HashChain() {
    }

    /** An entry of a chain: its place, the hash of the entry before (null for the first) and its own. */
    public interface Link {
        String id();

        long sequence();

        String previousHash();

        String hash();
    }

    /** Where a chain stops holding: the entry, what should have been and what was found. */
    public record Break(String entryId, long sequence, String problem, String expected, String found) {
    }

    public static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = (previousHash == null ? "" : previousHash) + "\n" + canonical;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Builds the canonical content: {@code field("abc").field("7")} is {@code "3:abc;1:7;"}. */
    public static final class Canonical {
        private final StringBuilder s = new StringBuilder();

        public Canonical field(String value) {
            s.append(value.length()).append(':').append(value).append(';');
            return this;
        }

        public Canonical field(long value) {
            return field(String.valueOf(value));
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    public static Canonical canonical() {
        return new Canonical();
    }

    /**
     * Recomputes a chain in sequence order (sequences 1, 2, 3, ...) and reports the first break: a
     * sequence gap, a previous hash that is not the hash of the entry before, content that does not
     * match its hash, or whatever {@code entryCheck} finds wrong with an entry (null or empty: nothing).
     */
    public static <T extends Link> Optional<Break> firstBreak(List<T> entriesInOrder, Function<T, String> canonical,
            Function<T, Optional<String>> entryCheck) {
        String previous = null;
        long expectedSequence = 1;
        for (T e : entriesInOrder) {
            if (e.sequence() != expectedSequence) {
                return Optional.of(new Break(e.id(), e.sequence(), "sequence gap: expected " + expectedSequence,
                        String.valueOf(expectedSequence), String.valueOf(e.sequence())));
            }
            if (!Objects.equals(previous, e.previousHash())) {
                return Optional.of(new Break(e.id(), e.sequence(),
                        "previous hash does not match the hash of the entry before", previous, e.previousHash()));
            }
            String recomputed = hash(e.previousHash(), canonical.apply(e));
            if (!recomputed.equals(e.hash())) {
                return Optional.of(new Break(e.id(), e.sequence(), "content does not match its hash", recomputed, e.hash()));
            }
            Optional<String> wrong = entryCheck == null ? Optional.empty() : entryCheck.apply(e);
            if (wrong.isPresent()) {
                return Optional.of(new Break(e.id(), e.sequence(), wrong.get(), "valid", "invalid"));
            }
            previous = e.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }
}

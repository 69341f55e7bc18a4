package city.yingzao.portal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * F8, checked by the page itself and not taken on trust: from nothing but the published entries, every account's
 * ledger must be one unbroken chain (sequences 1, 2, 3, ...), each entry naming the hash of the one before, and each
 * hash must be the SHA-256 of the one before and the entry's own content, in finance's canonical form (finance
 * {@code domain.HashChain}: {@code <length>:<value>;} for id, account, community, fund year, sequence, kind, reference,
 * memo, posted-at, then account, debit and credit of each line). A rewritten entry breaks its hash; a chain rewritten
 * from some entry on, hashes recomputed, is caught by anyone holding an earlier head ({@link #holds(String, long, String)}).
 */
public record ChainCheck(int accounts, int entries, Optional<String> problem, Map<String, Finance.Entry> heads,
                         Map<String, List<Finance.Entry>> chains) {

    public boolean holds() {
        return problem.isEmpty();
    }

    public String problemText() {
        return problem.orElse("");
    }

    public List<Finance.Entry> headList() {
        return List.copyOf(heads.values());
    }

    /** Whether the published chain of {@code account} still has {@code hash} at {@code sequence}: a head someone kept. */
    public boolean holds(String account, long sequence, String hash) {
        List<Finance.Entry> chain = chains.get(account);
        return chain != null && hash != null && chain.stream().anyMatch(e -> e.sequence() == sequence && hash.trim().equalsIgnoreCase(e.hash()));
    }

    public static ChainCheck of(String community, List<Finance.Entry> published) {
        Map<String, List<Finance.Entry>> byAccount = new TreeMap<>();
        for (Finance.Entry e : published) {
            byAccount.computeIfAbsent(e.account(), a -> new ArrayList<>()).add(e);
        }
        Map<String, Finance.Entry> heads = new TreeMap<>();
        String problem = null;
        for (var account : byAccount.entrySet()) {
            account.getValue().sort(Comparator.comparingLong(Finance.Entry::sequence));
            String previous = null;
            long expected = 1;
            for (Finance.Entry e : account.getValue()) {
                if (problem == null) {
                    if (e.sequence() != expected) {
                        problem = account.getKey() + ": entry " + expected + " is missing (found " + e.sequence() + ")";
                    } else if (!same(previous, e.previousHash())) {
                        problem = account.getKey() + ": entry " + e.sequence() + " does not name the hash of entry " + (e.sequence() - 1);
                    } else if (!hash(previous, canonical(community, e)).equalsIgnoreCase(String.valueOf(e.hash()))) {
                        problem = account.getKey() + ": entry " + e.sequence() + " does not match its hash";
                    }
                }
                previous = e.hash();
                expected = e.sequence() + 1;
                heads.put(account.getKey(), e);
            }
        }
        return new ChainCheck(byAccount.size(), published.size(), Optional.ofNullable(problem), heads, byAccount);
    }

    /** Finance's canonical form of an entry, the text its hash is taken of. */
    public static String canonical(String community, Finance.Entry e) {
        StringBuilder s = new StringBuilder();
        field(s, e.id());
        field(s, e.account());
        field(s, community);
        field(s, String.valueOf(e.fundYear()));
        field(s, String.valueOf(e.sequence()));
        field(s, e.kind());
        field(s, e.reference());
        field(s, e.memo());
        field(s, e.postedAt() == null ? "" : e.postedAt().toString());
        if (e.lines() != null) {
            for (Finance.Line l : e.lines()) {
                field(s, l.account());
                field(s, String.valueOf(l.debitFen()));
                field(s, String.valueOf(l.creditFen()));
            }
        }
        return s.toString();
    }

    private static void field(StringBuilder s, String value) {
        String v = value == null ? "" : value;
        s.append(v.length()).append(':').append(v).append(';');
    }

    /** SHA-256 of the previous hash and an entry's canonical form, in hex. */
    public static String hash(String previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(((previous == null ? "" : previous) + "\n" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static boolean same(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }
}

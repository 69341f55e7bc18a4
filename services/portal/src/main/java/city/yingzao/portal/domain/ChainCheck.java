package city.yingzao.portal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * F8, checked by the page itself and not taken on trust: the published ledger of each account must be one unbroken
 * chain, sequences 1, 2, 3, ... with each entry naming the hash of the entry before it. A rewritten or removed entry
 * breaks a link; the page says which. (Recomputing each content hash is what finance's own verification does; this
 * check needs only what anyone can download.)
 */
public record ChainCheck(int accounts, int entries, Optional<String> problem, Map<String, String> heads) {

    public boolean holds() {
        return problem.isEmpty();
    }

    public String problemText() {
        return problem.orElse("");
    }

    public static ChainCheck of(List<Finance.Entry> published) {
        Map<String, List<Finance.Entry>> byAccount = new TreeMap<>();
        for (Finance.Entry e : published) {
            byAccount.computeIfAbsent(e.account(), a -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, String> heads = new TreeMap<>();
        String problem = null;
        for (var account : byAccount.entrySet()) {
            List<Finance.Entry> chain = account.getValue().stream().sorted(Comparator.comparingLong(Finance.Entry::sequence)).toList();
            String previous = null;
            long expected = 1;
            for (Finance.Entry e : chain) {
                if (problem == null && e.sequence() != expected) {
                    problem = account.getKey() + ": entry " + expected + " is missing (found " + e.sequence() + ")";
                } else if (problem == null && !same(previous, e.previousHash())) {
                    problem = account.getKey() + ": entry " + e.sequence() + " does not follow the hash of entry " + (e.sequence() - 1);
                }
                previous = e.hash();
                expected = e.sequence() + 1;
            }
            if (previous != null) {
                heads.put(account.getKey(), previous);
            }
        }
        return new ChainCheck(byAccount.size(), published.size(), Optional.ofNullable(problem), heads);
    }

    private static boolean same(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }
}

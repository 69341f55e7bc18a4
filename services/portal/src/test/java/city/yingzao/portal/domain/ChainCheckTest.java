package city.yingzao.portal.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** F8: the disclosure page checks the published ledger itself, from nothing but what anyone can download. */
class ChainCheckTest {

    static final String COMMUNITY = "510104021001";
    static final String ACCOUNT = "community:510104021001:2026";

    /** A chain of three entries as finance publishes it: allocation, payment, payment. */
    static List<Finance.Entry> publishedChain() {
        return chain(List.of("2026 allocation", "payment: street lights", "payment: courtyard garden"));
    }

    static List<Finance.Entry> chain(List<String> memos) {
        List<Finance.Entry> entries = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < memos.size(); i++) {
            Finance.Entry draft = entry(i + 1, memos.get(i), previous, null);
            String hash = ChainCheck.hash(previous, ChainCheck.canonical(COMMUNITY, draft));
            entries.add(entry(i + 1, memos.get(i), previous, hash));
            previous = hash;
        }
        return entries;
    }

    static Finance.Entry entry(long sequence, String memo, String previous, String hash) {
        return new Finance.Entry("e-" + sequence, ACCOUNT, 2026, sequence, sequence == 1 ? "ALLOCATION" : "PAYMENT", "ref-" + sequence,
                memo, Instant.parse("2026-03-0" + sequence + "T02:00:00Z"),
                List.of(new Finance.Line(ACCOUNT, sequence == 1 ? 9_400_000 : 0, sequence == 1 ? 0 : 1_000_000)), previous, hash);
    }

    @Test
    @DisplayName("F8 an untouched published chain holds, and its head is the last entry")
    void untouchedChainHolds() {
        ChainCheck check = ChainCheck.of(COMMUNITY, publishedChain());
        assertThat(check.holds()).isTrue();
        assertThat(check.headList()).extracting(Finance.Entry::sequence).containsExactly(3L);
    }

    @Test
    @DisplayName("F8 an entry whose memo was changed after the fact no longer matches its hash")
    void changedContentIsCaught() {
        List<Finance.Entry> entries = new ArrayList<>(publishedChain());
        Finance.Entry e = entries.get(1);
        entries.set(1, entry(2, "payment: street lights (amended)", e.previousHash(), e.hash()));
        assertThat(ChainCheck.of(COMMUNITY, entries).problemText()).isEqualTo(ACCOUNT + ": entry 2 does not match its hash");
    }

    @Test
    @DisplayName("F8 a removed entry is a gap in the sequence")
    void removedEntryIsCaught() {
        List<Finance.Entry> entries = new ArrayList<>(publishedChain());
        entries.remove(1);
        assertThat(ChainCheck.of(COMMUNITY, entries).problemText()).isEqualTo(ACCOUNT + ": entry 2 is missing (found 3)");
    }

    @Test
    @DisplayName("F8 a chain rewritten from entry 2 with every hash recomputed holds again, but not the head someone kept")
    void rewrittenChainIsCaughtByAKeptHead() {
        String kept = publishedChain().get(1).hash();
        List<Finance.Entry> rewritten = chain(List.of("2026 allocation", "payment: a friend's company", "payment: courtyard garden"));
        ChainCheck check = ChainCheck.of(COMMUNITY, rewritten);
        assertThat(check.holds()).isTrue();
        assertThat(check.holds(ACCOUNT, 2, kept)).isFalse();
        assertThat(ChainCheck.of(COMMUNITY, publishedChain()).holds(ACCOUNT, 2, kept)).isTrue();
    }
}

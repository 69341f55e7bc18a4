package city.yingzao.kernel.ledger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    record Entry(String id, long sequence, String memo, String previousHash, String hash) implements HashChain.Link {
        static Entry chain(String id, long sequence, String memo, String previous) {
            return new Entry(id, sequence, memo, previous, HashChain.hash(previous, canonical(id, sequence, memo)));
        }

        static String canonical(String id, long sequence, String memo) {
            return HashChain.canonical().field(id).field(sequence).field(memo).toString();
        }

        String canonical() {
            return canonical(id, sequence, memo);
        }
    }

    static List<Entry> chain(int n) {
        List<Entry> chain = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= n; i++) {
            Entry e = Entry.chain("e" + i, i, "memo " + i, previous);
            chain.add(e);
            previous = e.hash();
        }
        return chain;
    }

    @Test
    @DisplayName("F8/G4 passing: the length-prefixed canonical form and the hash input are fixed")
    void canonicalForm() {
        assertThat(HashChain.canonical().field("abc").field(7).toString()).isEqualTo("3:abc;1:7;");
        // sha256("\n3:abc;") and sha256("p\n3:abc;"): the previous hash, a newline, the canonical content
        assertThat(HashChain.hash(null, "3:abc;")).hasSize(64).isEqualTo(HashChain.hash("", "3:abc;"));
        assertThat(HashChain.hash("p", "3:abc;")).isNotEqualTo(HashChain.hash(null, "3:abc;"));
        assertThat(HashChain.canonical().field("a;1:").field("b").toString())
                .isNotEqualTo(HashChain.canonical().field("a").field(";1:b").toString());
    }

    @Test
    @DisplayName("F8/G4 failing: a changed, removed or unlinked entry is the first break")
    void breaks() {
        List<Entry> chain = chain(4);
        assertThat(HashChain.firstBreak(chain, Entry::canonical, null)).isEmpty();

        List<Entry> changed = new ArrayList<>(chain);
        Entry e = chain.get(2);
        changed.set(2, new Entry(e.id(), e.sequence(), "changed", e.previousHash(), e.hash()));
        assertThat(HashChain.firstBreak(changed, Entry::canonical, null))
                .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(3));

        List<Entry> removed = new ArrayList<>(chain);
        removed.remove(1);
        assertThat(HashChain.firstBreak(removed, Entry::canonical, null))
                .hasValueSatisfying(b -> assertThat(b.problem()).contains("sequence gap"));

        assertThat(HashChain.firstBreak(chain, Entry::canonical, x -> x.sequence() == 2 ? Optional.of("bad") : Optional.empty()))
                .hasValueSatisfying(b -> assertThat(b.problem()).isEqualTo("bad"));
    }
}

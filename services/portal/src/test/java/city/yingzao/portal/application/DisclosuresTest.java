package city.yingzao.portal.application;

import city.yingzao.portal.domain.ChainCheck;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.infrastructure.FinanceClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F8: a community's disclosure shows its ledger a page at a time, checked whole by the page, and a long ledger is
 * downloaded and checked again only when a published head changes or the check is a minute old. Finance is stood in
 * for by a proxy over {@link FinanceClient} that answers the two public reads and counts the ledger downloads.
 */
class DisclosuresTest {

    static final String COMMUNITY = "510104021001";
    static final String ACCOUNT = "community:510104021001:2026";
    static final Instant NINE_AM = Instant.parse("2026-12-03T01:00:00Z");

    /** Finance as the page reads it: one account whose ledger is {@code entries}; counts ledger downloads. */
    static final class PublishedLedger {
        List<Finance.Entry> entries;
        int downloads;

        PublishedLedger(int n) {
            entries = chain(n);
        }

        FinanceClient client() {
            return (FinanceClient) Proxy.newProxyInstance(FinanceClient.class.getClassLoader(), new Class<?>[]{FinanceClient.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "disclosure" -> new Finance.CommunityFinance(COMMUNITY, "水井坊社区", "URBAN", "510104", List.of(),
                                List.of(new Finance.Account(ACCOUNT, 2026, "COMMUNITY", 0, entries.size(),
                                        entries.get(entries.size() - 1).hash())), List.of(), List.of());
                        case "ledger" -> {
                            downloads++;
                            yield entries;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    static List<Finance.Entry> chain(int n) {
        List<Finance.Entry> entries = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= n; i++) {
            String hash = ChainCheck.hash(previous, ChainCheck.canonical(COMMUNITY, entry(i, previous, null)));
            entries.add(entry(i, previous, hash));
            previous = hash;
        }
        return entries;
    }

    static Finance.Entry entry(long sequence, String previous, String hash) {
        return new Finance.Entry("e-" + sequence, ACCOUNT, 2026, sequence, sequence == 1 ? "ALLOCATION" : "PAYMENT", "ref-" + sequence,
                "payment " + sequence, NINE_AM.minusSeconds(86_400 - sequence),
                List.of(new Finance.Line(ACCOUNT, sequence == 1 ? 9_400_000 : 0, sequence == 1 ? 0 : 100)), previous, hash);
    }

    static Disclosures disclosures(PublishedLedger finance, Instant now) {
        Disclosures d = new Disclosures();
        d.finance = finance.client();
        d.clock = Clock.fixed(now, ZoneOffset.UTC);
        return d;
    }

    @Test
    @DisplayName("F8 a ledger of 250 entries is checked whole and shown 100 at a time; a page past the end shows the last")
    void shownAPageAtATime() {
        Disclosures d = disclosures(new PublishedLedger(250), NINE_AM);

        var first = d.community(COMMUNITY, null, null, null, 0);
        var last = d.community(COMMUNITY, null, null, null, 2);
        var beyond = d.community(COMMUNITY, null, null, null, 99);

        assertThat(first.chain().holds()).isTrue();
        assertThat(first.chain().entries()).isEqualTo(250);
        assertThat(first.ledger().items()).hasSize(100).first().extracting(Finance.Entry::sequence).isEqualTo(1L);
        assertThat(first.ledger().totalPages()).isEqualTo(3);
        assertThat(last.ledger().items()).hasSize(50).last().extracting(Finance.Entry::sequence).isEqualTo(250L);
        assertThat(beyond.ledger().number()).isEqualTo(3);
        assertThat(first.ledgerLink()).isEqualTo("/public/communities/" + COMMUNITY + "?ledger=");
    }

    @Test
    @DisplayName("F8 a head kept from the ledger's first entry is found by the page whichever page of entries is shown")
    void keptHeadCheckedAgainstTheWholeChain() {
        PublishedLedger finance = new PublishedLedger(250);
        Disclosures d = disclosures(finance, NINE_AM);
        String firstHash = finance.entries.get(0).hash();

        assertThat(d.community(COMMUNITY, ACCOUNT, 1L, firstHash, 2).held().holds()).isTrue();
        assertThat(d.community(COMMUNITY, ACCOUNT, 2L, firstHash, 0).held().holds()).isFalse();
    }

    @Test
    @DisplayName("F8 with the heads unchanged, a checked ledger is shown again within the minute without a new download")
    void checkedLedgerReusedWhileHeadsUnchanged() {
        PublishedLedger finance = new PublishedLedger(250);
        Disclosures d = disclosures(finance, NINE_AM);

        d.community(COMMUNITY, null, null, null, 0);
        var again = d.community(COMMUNITY, null, null, null, 1);

        assertThat(finance.downloads).isEqualTo(1);
        assertThat(again.checkedAt()).isEqualTo(NINE_AM);
    }

    @Test
    @DisplayName("F8 a new entry changes the published head and the page downloads and checks the ledger again at once")
    void newHeadCheckedAtOnce() {
        PublishedLedger finance = new PublishedLedger(250);
        Disclosures d = disclosures(finance, NINE_AM);
        d.community(COMMUNITY, null, null, null, 0);

        finance.entries = chain(251);
        var after = d.community(COMMUNITY, null, null, null, 2);

        assertThat(finance.downloads).isEqualTo(2);
        assertThat(after.chain().entries()).isEqualTo(251);
        assertThat(after.ledger().items()).last().extracting(Finance.Entry::sequence).isEqualTo(251L);
    }

    @Test
    @DisplayName("F8 an entry rewritten in place without its head changing is caught by the next check, a minute later")
    void rewriteBehindAnUnchangedHeadCaughtAfterAMinute() {
        PublishedLedger finance = new PublishedLedger(250);
        Disclosures d = disclosures(finance, NINE_AM);
        d.community(COMMUNITY, null, null, null, 0);

        List<Finance.Entry> rewritten = new ArrayList<>(finance.entries);
        Finance.Entry e = rewritten.get(9);
        rewritten.set(9, new Finance.Entry(e.id(), e.account(), e.fundYear(), e.sequence(), e.kind(), e.reference(), "payment 10 (amended)",
                e.postedAt(), e.lines(), e.previousHash(), e.hash()));
        finance.entries = rewritten;

        Disclosures sameMinute = d;
        assertThat(sameMinute.community(COMMUNITY, null, null, null, 0).chain().holds()).isTrue();
        d.clock = Clock.fixed(NINE_AM.plus(Duration.ofSeconds(61)), ZoneOffset.UTC);
        var later = d.community(COMMUNITY, null, null, null, 0);

        assertThat(later.chain().problemText()).isEqualTo(ACCOUNT + ": entry 10 does not match its hash");
        assertThat(later.ledger().items().get(9).memo()).isEqualTo("payment 10 (amended)");
    }
}

package city.yingzao.portal.application;

import city.yingzao.portal.domain.ChainCheck;
import city.yingzao.portal.domain.Finance;
import city.yingzao.portal.domain.Page;
import city.yingzao.portal.domain.Registry;
import city.yingzao.portal.infrastructure.FinanceClient;
import city.yingzao.portal.infrastructure.RegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * F8: what the public sees of the communities and their funds, read from the services' public endpoints.
 *
 * <p>A community's ledger is checked whole by the page (every hash recomputed, see {@link ChainCheck}) and shown a
 * page at a time. The check of a long ledger costs its whole download, so a checked ledger is kept for
 * {@link #RECHECK_AFTER} as long as the heads finance publishes (entries and last hash of every account) are the ones
 * it was checked at: a new entry, or a chain rewritten up to its head, is checked at once; anything else within the
 * minute. What the page shows is always what was checked, with the time it was checked.
 */
@ApplicationScoped
public class Disclosures {

    public static final int PAGE_SIZE = 25;

    /** Ledger entries shown per page of a community's disclosure. */
    public static final int LEDGER_PAGE_SIZE = 100;

    /** How long a checked ledger is shown before it is downloaded and checked again, heads unchanged. */
    static final Duration RECHECK_AFTER = Duration.ofSeconds(60);

    /** Checked ledgers kept at most, counted in entries (about 1 KiB each on the heap). */
    static final int KEPT_ENTRIES = 50_000;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    @RestClient
    FinanceClient finance;

    Clock clock = Clock.systemUTC();

    private final Map<String, Checked> checked = new LinkedHashMap<>(16, 0.75f, true);

    /** A community's disclosure: its finance page, one page of its ledger and the page's own check of the whole chain. */
    public record CommunityDisclosure(Finance.CommunityFinance finance, Page<Finance.Entry> ledger, ChainCheck chain,
                                      Instant checkedAt, HeldHead held) {

        /** Where the pager of the ledger links, the page number appended. */
        public String ledgerLink() {
            return "/public/communities/" + finance.code() + "?ledger=";
        }
    }

    /** A head someone kept (account, sequence, hash) and whether today's published chain still has it. */
    public record HeldHead(String account, long sequence, String hash, boolean holds) {
    }

    /** A ledger as downloaded and checked, with the heads finance published when it was. */
    private record Checked(String heads, List<Finance.Entry> ledger, ChainCheck chain, Instant at) {
    }

    public Page<Registry.Community> communities(String district, int page) {
        return registry.communities(blankToNull(district), Math.max(0, page), PAGE_SIZE, "code");
    }

    /** {@code ledgerPage} counts from 0; a page past the end shows the last one. */
    public CommunityDisclosure community(String code, String account, Long sequence, String head, int ledgerPage) {
        Finance.CommunityFinance f = finance.disclosure(code);
        Checked c = checkedLedger(code, heads(f));
        int pages = Math.max(1, (c.ledger().size() + LEDGER_PAGE_SIZE - 1) / LEDGER_PAGE_SIZE);
        int page = Math.min(Math.max(0, ledgerPage), pages - 1);
        List<Finance.Entry> shown = c.ledger().subList(page * LEDGER_PAGE_SIZE,
                Math.min(c.ledger().size(), (page + 1) * LEDGER_PAGE_SIZE));
        HeldHead held = account == null || sequence == null || head == null ? null
                : new HeldHead(account, sequence, head, c.chain().holds(account, sequence, head));
        return new CommunityDisclosure(f, new Page<>(shown, page, LEDGER_PAGE_SIZE, c.ledger().size(), pages), c.chain(),
                c.at(), held);
    }

    public String ledgerCsv(String code) {
        return finance.ledgerCsv(code, null);
    }

    private Checked checkedLedger(String code, String heads) {
        Instant now = clock.instant();
        synchronized (checked) {
            Checked kept = checked.get(code);
            if (kept != null && kept.heads().equals(heads) && kept.at().plus(RECHECK_AFTER).isAfter(now)) {
                return kept;
            }
        }
        List<Finance.Entry> ledger = List.copyOf(finance.ledger(code, null));
        Checked fresh = new Checked(heads, ledger, ChainCheck.of(code, ledger), now);
        synchronized (checked) {
            checked.put(code, fresh);
            int kept = checked.values().stream().mapToInt(k -> k.ledger().size()).sum();
            var oldest = checked.entrySet().iterator();
            while (kept > KEPT_ENTRIES && oldest.hasNext()) {
                kept -= oldest.next().getValue().ledger().size();
                oldest.remove();
            }
        }
        return fresh;
    }

    /** The heads finance publishes for the community's accounts: entries and last hash of each. */
    static String heads(Finance.CommunityFinance f) {
        return f.accounts() == null ? "" : f.accounts().stream().sorted(Comparator.comparing(Finance.Account::code))
                .map(a -> a.code() + ":" + a.entries() + ":" + a.lastHash()).collect(Collectors.joining(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

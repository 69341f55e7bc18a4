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

import java.util.List;

/** F8: what the public sees of the communities and their funds, read from the services' public endpoints. */
@ApplicationScoped
public class Disclosures {

    public static final int PAGE_SIZE = 25;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    @RestClient
    FinanceClient finance;

    /** A community's disclosure: its finance page, its ledger and the page's own check of the ledger's chain. */
    public record CommunityDisclosure(Finance.CommunityFinance finance, List<Finance.Entry> ledger, ChainCheck chain,
                                      HeldHead held) {
    }

    /** A head someone kept (account, sequence, hash) and whether today's published chain still has it. */
    public record HeldHead(String account, long sequence, String hash, boolean holds) {
    }

    public Page<Registry.Community> communities(String district, int page) {
        return registry.communities(blankToNull(district), Math.max(0, page), PAGE_SIZE, "code");
    }

    public CommunityDisclosure community(String code, String account, Long sequence, String head) {
        Finance.CommunityFinance f = finance.disclosure(code);
        List<Finance.Entry> ledger = finance.ledger(code, null);
        ChainCheck chain = ChainCheck.of(code, ledger);
        HeldHead held = account == null || sequence == null || head == null ? null
                : new HeldHead(account, sequence, head, chain.holds(account, sequence, head));
        return new CommunityDisclosure(f, ledger, chain, held);
    }

    public String ledgerCsv(String code) {
        return finance.ledgerCsv(code, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

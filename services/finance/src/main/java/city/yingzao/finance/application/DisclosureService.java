package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Allocation;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.infrastructure.AllocationStore;
import city.yingzao.finance.infrastructure.LedgerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.stream.Collectors;

/**
 * F8 full public disclosure 财务全公开: a community's allocations, balances, projects with their
 * steps, every ledger entry and the vote rounds' results, anonymous and read-only. Nothing here
 * names a person: donors appear by type, households and operators not at all.
 */
@ApplicationScoped
public class DisclosureService {

    @Inject
    Communities communities;

    @Inject
    AllocationStore allocations;

    @Inject
    LedgerStore ledger;

    @Inject
    ProjectService projects;

    @Inject
    VoteService votes;

    /** The community's public page. */
    public record CommunityFinance(String code, String name, String kind, String districtCode, List<Allocation> allocations,
                                   List<AccountView> accounts, List<ProjectService.ProjectView> projects,
                                   List<VoteService.RoundView> voteRounds) {
    }

    public record AccountView(String code, int fundYear, String kind, long balanceFen, long entries, String lastHash) {
    }

    public record EntryView(String id, String account, int fundYear, long sequence, String kind, String reference,
                            String memo, java.time.Instant postedAt, List<LedgerLine> lines, String previousHash,
                            String hash) {
    }

    @Transactional
    public CommunityFinance community(String code) {
        Community c = communities.require(code);
        return new CommunityFinance(c.code(), c.name(), c.kind().name(), c.districtCode(), allocations.ofCommunity(code),
                ledger.accountsOf(code, null).stream().map(DisclosureService::account).toList(),
                projects.ofCommunity(code), votes.ofCommunity(code));
    }

    @Transactional
    public List<EntryView> ledger(String code, Integer fundYear) {
        communities.require(code);
        return ledger.entriesOf(code, fundYear).stream().map(DisclosureService::entry).toList();
    }

    /** The same entries as CSV, one row per line of an entry, for spreadsheets. */
    @Transactional
    public String ledgerCsv(String code, Integer fundYear) {
        communities.require(code);
        StringBuilder csv = new StringBuilder(
                "entry_id,account,fund_year,sequence,kind,reference,memo,posted_at,line_account,debit_fen,credit_fen,previous_hash,hash\r\n");
        for (LedgerEntry e : ledger.entriesOf(code, fundYear)) {
            for (LedgerLine l : e.lines()) {
                csv.append(List.of(e.id(), e.accountCode(), String.valueOf(e.fundYear()), String.valueOf(e.sequence()),
                        e.kind().name(), e.reference(), e.memo(), e.postedAt().toString(), l.account(),
                        String.valueOf(l.debitFen()), String.valueOf(l.creditFen()),
                        e.previousHash() == null ? "" : e.previousHash(), e.hash()).stream()
                        .map(DisclosureService::csvField).collect(Collectors.joining(","))).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static AccountView account(Account a) {
        return new AccountView(a.code(), a.fundYear(), a.kind().name(), a.balance().fen(), a.lastSequence(), a.lastHash());
    }

    private static EntryView entry(LedgerEntry e) {
        return new EntryView(e.id(), e.accountCode(), e.fundYear(), e.sequence(), e.kind().name(), e.reference(), e.memo(),
                e.postedAt(), e.lines(), e.previousHash(), e.hash());
    }
}

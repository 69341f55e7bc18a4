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
    city.yingzao.finance.infrastructure.PaymentStore closes;

    @Inject
    ProjectService projects;

    @Inject
    VoteService votes;

    /** The community's public page. */
    public record CommunityFinance(String code, String name, String kind, String districtCode, List<Allocation> allocations,
                                   List<AccountView> accounts, List<ProjectService.ProjectView> projects,
                                   List<VoteService.RoundView> voteRounds, List<CarryOverView> carryOvers) {
    }

    /** F1: a closed fund year and what it carried to the next (no operator named). */
    public record CarryOverView(int fundYear, int toYear, long carriedFen, String closingEntryId, String openingEntryId,
                                boolean early, java.time.Instant closedAt) {
    }

    public record AccountView(String code, int fundYear, String kind, long balanceFen, long entries, String lastHash) {
    }

    public record EntryView(String id, String account, int fundYear, long sequence, String kind, String reference,
                            String memo, java.time.Instant postedAt, List<LedgerLine> lines, String previousHash,
                            String hash, String payee, String voucher, String reverses, String reversedBy) {
    }

    @Transactional
    public CommunityFinance community(String code) {
        Community c = communities.require(code);
        return new CommunityFinance(c.code(), c.name(), c.kind().name(), c.districtCode(), allocations.ofCommunity(code),
                ledger.accountsOf(code, null).stream().map(DisclosureService::account).toList(),
                projects.ofCommunity(code), votes.ofCommunity(code), closes.closesOf(code).stream()
                        .map(y -> new CarryOverView(y.fundYear(), y.fundYear() + 1, y.carriedFen(), y.closingEntryId(),
                                y.openingEntryId(), y.early(), y.closedAt())).toList());
    }

    @Transactional
    public List<EntryView> ledger(String code, Integer fundYear) {
        communities.require(code);
        List<EntryView> entries = new java.util.ArrayList<>();
        ledger.streamPublished(code, fundYear, p -> entries.add(entry(p)));
        return entries;
    }

    /** 404 before a streamed answer starts. */
    public void requireCommunity(String code) {
        communities.require(code);
    }

    static final String CSV_HEADER = "entry_id,account,fund_year,sequence,kind,reference,memo,posted_at,line_account,debit_fen,"
            + "credit_fen,previous_hash,hash,payee,voucher,reverses,reversed_by\r\n";

    /**
     * The same entries as CSV, one row per line of an entry, for spreadsheets, written to {@code out} as they come
     * off the database cursor: memory stays flat however long the ledger is.
     */
    @Transactional
    public void writeLedgerCsv(String code, Integer fundYear, java.io.Writer out) {
        try {
            out.write(CSV_HEADER);
            ledger.streamPublished(code, fundYear, p -> {
                LedgerEntry e = p.entry();
                try {
                    for (LedgerLine l : e.lines()) {
                        out.write(java.util.stream.Stream.of(e.id(), e.accountCode(), String.valueOf(e.fundYear()),
                                String.valueOf(e.sequence()), e.kind().name(), e.reference(), e.memo(), e.postedAt().toString(),
                                l.account(), String.valueOf(l.debitFen()), String.valueOf(l.creditFen()),
                                e.previousHash(), e.hash(), p.payee(), p.voucher(), p.reverses(), p.reversedBy())
                                .map(DisclosureService::csvField).collect(Collectors.joining(",")));
                        out.write("\r\n");
                    }
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            out.flush();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static AccountView account(Account a) {
        return new AccountView(a.code(), a.fundYear(), a.kind().name(), a.balance().fen(), a.lastSequence(), a.lastHash());
    }

    private static EntryView entry(LedgerStore.Published p) {
        LedgerEntry e = p.entry();
        return new EntryView(e.id(), e.accountCode(), e.fundYear(), e.sequence(), e.kind().name(), e.reference(), e.memo(),
                e.postedAt(), e.lines(), e.previousHash(), e.hash(), p.payee(), p.voucher(), p.reverses(), p.reversedBy());
    }
}

package city.yingzao.finance.application;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Accounts;
import city.yingzao.finance.domain.Allocation;
import city.yingzao.finance.domain.AllocationPolicy;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.FundPolicy;
import city.yingzao.finance.domain.HouseholdCount;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.infrastructure.AllocationStore;
import city.yingzao.finance.infrastructure.HouseholdCountStore;
import city.yingzao.finance.infrastructure.LedgerStore;
import city.yingzao.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The annual allocation run (F1-F4) over the registry replica, in one transaction: every community
 * not allocated for the year yet gets its amount ({@link AllocationPolicy}, the only place the
 * arithmetic lives), one set-based insert keeps exactly one allocation per community and year
 * (a rerun, or a concurrent run, changes nothing already made; a community registered since is
 * allocated by the rerun), each new allocation credits the community's dedicated account with a
 * balanced, chained entry, and both facts go to the outbox in one batch.
 */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    @Inject
    Communities replicatedCommunities;

    @Inject
    AllocationStore allocations;

    @Inject
    LedgerStore ledger;

    @Inject
    LedgerService ledgerService;

    @Inject
    FundPolicyService policies;

    @Inject
    Outbox outbox;

    @Inject
    HouseholdCountStore householdCounts;

    /** What a run did. */
    public record RunReport(int fundYear, long policyRevision, int communities, int allocatedNow, int allocatedBefore,
                            int skippedNothingToAllocate, long totalFenNow, long cityShareFenNow, long districtShareFenNow,
                            long millis) {
    }

    @Transactional
    public RunReport run(int fundYear) {
        long started = System.nanoTime();
        FundPolicyService.checkYear(fundYear);
        FundPolicy policy = policies.freeze(fundYear);
        // F3: the counts declared for the year, read once no declaration is being made (they wait for this run)
        householdCounts.lockYearExclusive(fundYear);
        Map<String, HouseholdCount.Declared> declared = householdCounts.inForce(fundYear);
        List<Community> communities = replicatedCommunities.all();
        Set<String> before = allocations.allocatedCommunities(fundYear);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<Allocation> candidates = new ArrayList<>();
        int nothing = 0;
        for (Community c : communities) {
            if (before.contains(c.code())) {
                continue;
            }
            HouseholdCount.InForce households = HouseholdCount.inForce(c.registeredHouseholds(),
                    java.util.Optional.ofNullable(declared.get(c.code())));
            AllocationPolicy.Amounts amounts = AllocationPolicy.allocate(policy, c.kind(), c.districtTier(), households.households());
            if (!amounts.total().isPositive()) {
                nothing++;
                continue;
            }
            candidates.add(new Allocation(UUID.randomUUID().toString(), c.code(), fundYear, c.kind(), c.districtCode(),
                    c.districtTier(), households.households(), amounts.basis(), amounts.total().fen(),
                    amounts.cityShare().fen(), amounts.districtShare().fen(), policy.revision(), now,
                    UUID.randomUUID().toString(), households.source(), households.declaration()));
        }
        long computed = System.nanoTime();
        Set<String> inserted = allocations.insertNew(candidates);
        List<Allocation> made = candidates.stream().filter(a -> inserted.contains(a.communityCode())).toList();
        long allocatedAt = System.nanoTime();
        credit(made, now);
        LOG.infof("allocation run %d: %d communities read and computed in %d ms, %d allocations inserted in %d ms, "
                + "accounts credited and events appended in %d ms", fundYear, communities.size(),
                (computed - started) / 1_000_000, made.size(), (allocatedAt - computed) / 1_000_000,
                (System.nanoTime() - allocatedAt) / 1_000_000);

        int allocatedBefore = (int) communities.stream().filter(c -> before.contains(c.code())).count()
                + candidates.size() - made.size();
        return new RunReport(fundYear, policy.revision(), communities.size(), made.size(), allocatedBefore, nothing,
                made.stream().mapToLong(Allocation::totalFen).sum(), made.stream().mapToLong(Allocation::cityShareFen).sum(),
                made.stream().mapToLong(Allocation::districtShareFen).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Credits each community's dedicated account: debit the account, credit the city's and the
     * district's budgets. A new account gets its first entry in bulk; an account that already
     * holds entries takes the ordinary locked append.
     */
    private void credit(List<Allocation> made, Instant now) {
        long creditStart = System.nanoTime();
        Map<String, Account> existing = ledger.existing(
                made.stream().map(a -> Accounts.communityFund(a.communityCode(), a.fundYear())).toList());
        List<LedgerEntry> firstEntries = new ArrayList<>(made.size());
        List<Account> opened = new ArrayList<>(made.size());
        List<IntegrationEvent> events = new ArrayList<>(made.size() * 2);
        for (Allocation a : made) {
            String account = Accounts.communityFund(a.communityCode(), a.fundYear());
            List<LedgerLine> lines = lines(a, account);
            // F3/F8: the public ledger shows the household count an urban allocation used, and where it came from
            String households = a.basis() == AllocationPolicy.Basis.URBAN_PER_100_HOUSEHOLDS
                    ? ", " + a.registeredHouseholds() + " households "
                            + (a.householdSource() == HouseholdCount.Source.DECLARED ? "declared" : "registered")
                    : "";
            String memo = "allocation " + a.fundYear() + " (" + a.basis() + households + ", policy revision " + a.policyRevision() + ")";
            LedgerEntry entry;
            if (existing.containsKey(account)) {
                entry = ledgerService.post(new LedgerService.Draft(Account.Kind.FUND, account, a.communityCode(), a.fundYear(),
                        EntryKind.ALLOCATION, a.id(), memo, lines));
            } else {
                entry = LedgerEntry.chain(a.entryId(), account, a.communityCode(), a.fundYear(), 1, EntryKind.ALLOCATION,
                        a.id(), memo, now, lines, null);
                firstEntries.add(entry);
                opened.add(new Account(account, a.communityCode(), a.fundYear(), Account.Kind.FUND, Money.ZERO, 0, null).after(entry));
                events.add(Events.entryPosted(entry));
            }
            events.add(Events.allocationMade(a));
        }
        long built = System.nanoTime();
        ledger.open(opened);
        ledger.append(firstEntries);
        long appended = System.nanoTime();
        outbox.appendAll(events);
        LOG.infof("credit: entries built in %d ms, accounts and entries written in %d ms, %d events appended in %d ms",
                (built - creditStart) / 1_000_000, (appended - built) / 1_000_000, events.size(),
                (System.nanoTime() - appended) / 1_000_000);
    }

    private static List<LedgerLine> lines(Allocation a, String account) {
        List<LedgerLine> lines = new ArrayList<>(3);
        lines.add(LedgerLine.debit(account, Money.fen(a.totalFen())));
        if (a.cityShareFen() > 0) {
            lines.add(LedgerLine.credit(Accounts.cityBudget(a.fundYear()), Money.fen(a.cityShareFen())));
        }
        if (a.districtShareFen() > 0) {
            lines.add(LedgerLine.credit(Accounts.districtBudget(a.districtCode(), a.fundYear()), Money.fen(a.districtShareFen())));
        }
        return lines;
    }
}

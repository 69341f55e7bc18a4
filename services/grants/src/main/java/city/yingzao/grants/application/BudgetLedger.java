package city.yingzao.grants.application;

import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.grants.infrastructure.BudgetLedgerStore;
import city.yingzao.kernel.ledger.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * G4: the programme's budget ledger: append-only (a trigger refuses updates and deletes) and hash-chained
 * with the kernel's {@link HashChain}, as finance's ledger. Appends to one programme are serialised by
 * locking the chain head; the balance never goes negative.
 */
@ApplicationScoped
public class BudgetLedger {

    @Inject
    BudgetLedgerStore store;

    /** Appends an entry inside the caller's transaction. */
    public BudgetEntry post(int year, BudgetEntry.Kind kind, String reference, String memo, long amountFen) {
        store.open(year);
        BudgetLedgerStore.Head head = store.lock(year).orElseThrow();
        long after = Math.addExact(head.balanceFen(), amountFen);
        if (after < 0) {
            Rules.refuse("G4", "the programme " + year + " budget holds " + head.balanceFen() + " fen, " + (-amountFen) + " fen asked");
        }
        BudgetEntry e = BudgetEntry.chain(UUID.randomUUID().toString(), year, head.lastSequence() + 1, kind, reference, memo, amountFen,
                after, Instant.now(), head.lastHash());
        store.append(e);
        return e;
    }

    public List<BudgetEntry> entries(int year) {
        return store.entries(year);
    }

    public long balance(int year) {
        return store.head(year).map(BudgetLedgerStore.Head::balanceFen).orElse(0L);
    }

    /** The verification's answer: entries checked, and the first break if any. */
    public record Verification(int programmeYear, int entries, boolean intact, HashChain.Break firstBreak) {
    }

    public Verification verify(int year) {
        List<BudgetEntry> entries = store.entries(year);
        long[] before = {0};
        Optional<HashChain.Break> b = HashChain.firstBreak(entries, BudgetEntry::canonical, e -> {
            Optional<String> wrong = BudgetEntry.check(e, before[0]);
            before[0] = e.balanceAfterFen();
            return wrong;
        });
        return new Verification(year, entries.size(), b.isEmpty(), b.orElse(null));
    }
}

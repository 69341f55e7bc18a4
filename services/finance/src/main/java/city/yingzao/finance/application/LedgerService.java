package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.BalancedEntry;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.HashChain;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.domain.NonNegativeBalance;
import city.yingzao.finance.infrastructure.LedgerStore;
import city.yingzao.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts entries to the chained accounts (F1, F8): balanced, never overdrawing, appended to the
 * account's hash chain under the account's row lock, published on {@code finance.ledger} in the same
 * transaction. Also recomputes chains for the auditor.
 */
@ApplicationScoped
public class LedgerService {

    @Inject
    LedgerStore ledger;

    @Inject
    Outbox outbox;

    /** An entry to post to one chained account. */
    record Draft(Account.Kind accountKind, String accountCode, String communityCode, int fundYear, EntryKind kind,
                 String reference, String memo, List<LedgerLine> lines) {
    }

    /** Posts one entry; requires the caller's transaction. Refuses with F1 if unbalanced or overdrawing. */
    @Transactional(Transactional.TxType.MANDATORY)
    LedgerEntry post(Draft draft) {
        return post(draft, UUID.randomUUID().toString());
    }

    /** Posts one entry under the given id (a pair of entries that name each other knows both ids first). */
    @Transactional(Transactional.TxType.MANDATORY)
    LedgerEntry post(Draft draft, String id) {
        Rules.enforce(BalancedEntry.check(draft.lines()));
        Account account = lockOrOpen(draft);
        LedgerEntry entry = LedgerEntry.chain(id, account.code(), draft.communityCode(), draft.fundYear(),
                account.lastSequence() + 1, draft.kind(), draft.reference(), draft.memo(), Instant.now(), draft.lines(),
                account.lastHash());
        Rules.enforce(NonNegativeBalance.check(account.code(), account.balance(), entry.effect()));
        ledger.append(List.of(entry));
        ledger.saveHead(account.after(entry));
        outbox.append(Events.entryPosted(entry));
        return entry;
    }

    /** The balance of a chained account now, zero when it was never opened. */
    Money balance(String accountCode) {
        return ledger.find(accountCode).map(Account::balance).orElse(Money.ZERO);
    }

    private Account lockOrOpen(Draft d) {
        Optional<Account> locked = ledger.lock(d.accountCode());
        if (locked.isPresent()) {
            return locked.get();
        }
        ledger.open(List.of(new Account(d.accountCode(), d.communityCode(), d.fundYear(), d.accountKind(), Money.ZERO, 0, null)));
        return ledger.lock(d.accountCode()).orElseThrow();
    }

    /** The outcome of a chain verification. */
    public record VerifyReport(String scope, long accounts, long entries, boolean intact, List<HashChain.Break> breaks) {
    }

    /**
     * F8: recomputes every chain of one community (or of the whole city) and reports the first break
     * of each broken account.
     */
    @Transactional
    public VerifyReport verify(String communityCode) {
        List<HashChain.Break> breaks = new ArrayList<>();
        Map<String, Account> heads = ledger.heads(communityCode);
        long[] counts = new long[2];
        List<LedgerEntry> chain = new ArrayList<>();
        String[] account = {null};
        Runnable checkChain = () -> {
            if (!chain.isEmpty()) {
                counts[0]++;
                HashChain.firstBreak(chain).or(() -> headMismatch(heads.get(chain.get(0).accountCode()),
                        chain.get(chain.size() - 1))).ifPresent(breaks::add);
                chain.clear();
            }
        };
        ledger.streamEntriesOf(communityCode, e -> {
            counts[1]++;
            if (!e.accountCode().equals(account[0])) {
                checkChain.run();
                account[0] = e.accountCode();
            }
            chain.add(e);
        });
        checkChain.run();
        return new VerifyReport(communityCode == null ? "city" : "community " + communityCode, counts[0], counts[1],
                breaks.isEmpty(), breaks);
    }

    /** The account's recorded head must be its last entry, or entries were removed from the end. */
    private static Optional<HashChain.Break> headMismatch(Account head, LedgerEntry last) {
        if (head == null || (head.lastSequence() == last.sequence() && last.hash().equals(head.lastHash()))) {
            return Optional.empty();
        }
        return Optional.of(new HashChain.Break(last.id(), last.accountCode(), last.sequence(),
                "the account's head is entry " + head.lastSequence() + " but the chain ends at " + last.sequence(),
                head.lastHash(), last.hash()));
    }
}

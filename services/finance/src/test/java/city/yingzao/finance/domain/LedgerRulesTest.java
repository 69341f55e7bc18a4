package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerRulesTest {

    static final String ACCOUNT = Accounts.communityFund("510104021001", 2026);

    @Test
    @DisplayName("F1 passing: an entry is balanced, two-sided, each line one-sided and positive")
    void balanced() {
        assertThat(BalancedEntry.check(List.of(LedgerLine.debit(ACCOUNT, Money.fen(100)),
                LedgerLine.credit("city-budget:2026", Money.fen(60)), LedgerLine.credit("district-budget:510104:2026", Money.fen(40)))))
                .isEmpty();
        assertThat(BalancedEntry.check(List.of(LedgerLine.debit(ACCOUNT, Money.fen(100)), LedgerLine.credit("x", Money.fen(99)))))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("F1: debits 1.00 CNY do not equal credits 0.99 CNY"));
        assertThat(BalancedEntry.check(List.of(LedgerLine.debit(ACCOUNT, Money.fen(100))))).isPresent();
        assertThat(BalancedEntry.check(List.of(new LedgerLine(ACCOUNT, 5, 5), new LedgerLine("x", 0, 0)))).isPresent();
        assertThat(BalancedEntry.check(List.of(new LedgerLine(ACCOUNT, -5, 0), new LedgerLine("x", 0, -5)))).isPresent();
    }

    @Test
    @DisplayName("F1 passing: no movement takes a dedicated account or a micro-fund below zero")
    void neverNegative() {
        assertThat(NonNegativeBalance.check(ACCOUNT, Money.fen(1_000), Money.fen(-1_000))).isEmpty();
        assertThat(NonNegativeBalance.check(ACCOUNT, Money.fen(1_000), Money.fen(-1_001)))
                .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("F1: account " + ACCOUNT
                        + " holds 10.00 CNY; taking 10.01 CNY would leave it at -0.01 CNY"));
    }

    @Test
    @DisplayName("F1 passing: a project payment stays within its budget and the account balance, and only at step 6")
    void payment() {
        Money budget = Money.fen(1_000);
        assertThat(ProjectPayment.check(ProjectStep.IMPLEMENTATION, budget, Money.fen(400), Money.fen(600), ACCOUNT, Money.fen(600)))
                .isEmpty();
        assertThat(ProjectPayment.check(ProjectStep.IMPLEMENTATION, budget, Money.fen(400), Money.fen(601), ACCOUNT, Money.fen(10_000)))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("above its approved budget"));
        assertThat(ProjectPayment.check(ProjectStep.IMPLEMENTATION, budget, Money.ZERO, Money.fen(600), ACCOUNT, Money.fen(599)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F1"));
        assertThat(ProjectPayment.check(ProjectStep.IMPLEMENTATION, budget, Money.ZERO, Money.fen(-1), ACCOUNT, Money.fen(599)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F1"));
        assertThat(ProjectPayment.check(ProjectStep.HEARING, budget, Money.ZERO, Money.fen(1), ACCOUNT, Money.fen(599)))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F6"));
    }

    @Test
    @DisplayName("F8 passing: a payment memo naming the longest title and memo is cut to the ledger's 500 characters, and the hash covers what is kept")
    void longMemo() {
        String memo = "payment for project \"" + "楼".repeat(500) + "\": " + "款".repeat(300);
        LedgerEntry entry = LedgerEntry.chain(UUID.randomUUID().toString(), ACCOUNT, "510104021001", 2026, 1,
                EntryKind.PROJECT_PAYMENT, UUID.randomUUID().toString(), memo, Instant.now(),
                List.of(LedgerLine.debit("project-expense:x", Money.fen(1)), LedgerLine.credit(ACCOUNT, Money.fen(1))), null);

        assertThat(entry.memo().codePointCount(0, entry.memo().length())).isEqualTo(LedgerEntry.MEMO_MAX);
        assertThat(entry.memo()).startsWith("payment for project \"楼楼").endsWith("楼…");
        assertThat(HashChain.firstBreak(List.of(entry))).isEmpty();
        assertThat(LedgerEntry.fit("short")).isEqualTo("short");
        String emoji = "😀".repeat(600); // outside the BMP: cut by characters, never inside a pair
        assertThat(LedgerEntry.fit(emoji).codePointCount(0, LedgerEntry.fit(emoji).length())).isEqualTo(LedgerEntry.MEMO_MAX);
    }

    @Test
    @DisplayName("F8 passing: an intact chain verifies; each entry carries the hash of the one before")
    void intactChain() {
        List<LedgerEntry> chain = chain(4);
        assertThat(HashChain.firstBreak(chain)).isEmpty();
        assertThat(chain.get(0).previousHash()).isNull();
        assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
        assertThat(chain.get(3).hash()).matches("[0-9a-f]{64}");
    }

    @Test
    @DisplayName("F8 passing: a changed amount, memo or link, or a removed entry, is reported at the first entry that breaks")
    void tamperingShows() {
        List<LedgerEntry> chain = chain(4);
        LedgerEntry e = chain.get(2);
        List<LedgerEntry> changedAmount = new ArrayList<>(chain);
        changedAmount.set(2, new LedgerEntry(e.id(), e.accountCode(), e.communityCode(), e.fundYear(), e.sequence(), e.kind(),
                e.reference(), e.memo(), e.postedAt(), List.of(new LedgerLine(ACCOUNT, 0, 1), new LedgerLine("project:p", 1, 0)),
                e.previousHash(), e.hash()));
        assertThat(HashChain.firstBreak(changedAmount)).hasValueSatisfying(b -> {
            assertThat(b.entryId()).isEqualTo(e.id());
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.found()).isEqualTo(e.hash());
            assertThat(b.expected()).isNotEqualTo(e.hash());
        });
        List<LedgerEntry> changedMemo = new ArrayList<>(chain);
        changedMemo.set(1, new LedgerEntry(chain.get(1).id(), ACCOUNT, "510104021001", 2026, 2, EntryKind.PROJECT_PAYMENT,
                "ref", "another memo", chain.get(1).postedAt(), chain.get(1).lines(), chain.get(1).previousHash(), chain.get(1).hash()));
        assertThat(HashChain.firstBreak(changedMemo)).hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(2));
        List<LedgerEntry> removed = new ArrayList<>(chain);
        removed.remove(1);
        assertThat(HashChain.firstBreak(removed)).hasValueSatisfying(b -> assertThat(b.problem()).contains("sequence gap"));
    }

    @Test
    @DisplayName("F8 passing: the canonical content is unambiguous whatever a memo contains")
    void canonicalIsUnambiguous() {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        List<LedgerLine> lines = List.of(LedgerLine.debit(ACCOUNT, Money.fen(1)), LedgerLine.credit("x", Money.fen(1)));
        LedgerEntry a = LedgerEntry.chain("id", ACCOUNT, "c", 2026, 1, EntryKind.DONATION, "r;1:", "m", at, lines, null);
        LedgerEntry b = LedgerEntry.chain("id", ACCOUNT, "c", 2026, 1, EntryKind.DONATION, "r", ";1:m", at, lines, null);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    static List<LedgerEntry> chain(int n) {
        List<LedgerEntry> chain = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= n; i++) {
            List<LedgerLine> lines = i == 1
                    ? List.of(LedgerLine.debit(ACCOUNT, Money.fen(10_000)), LedgerLine.credit("district-budget:510104:2026", Money.fen(10_000)))
                    : List.of(LedgerLine.debit("project:p", Money.fen(100)), LedgerLine.credit(ACCOUNT, Money.fen(100)));
            LedgerEntry e = LedgerEntry.chain(UUID.randomUUID().toString(), ACCOUNT, "510104021001", 2026, i,
                    i == 1 ? EntryKind.ALLOCATION : EntryKind.PROJECT_PAYMENT, "ref", "memo " + i, Instant.now(), lines, previous);
            chain.add(e);
            previous = e.hash();
        }
        return chain;
    }
}

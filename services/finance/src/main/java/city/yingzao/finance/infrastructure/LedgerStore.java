package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The append-only ledger (F1, F8): chained accounts with their balance and chain head, entries and
 * their lines. Entries are only ever inserted; a trigger refuses updates and deletes.
 */
@ApplicationScoped
public class LedgerStore {

    /** Whole sets in one statement each: an allocation run appends 40,000 entries at once. */
    private static final String INSERT_ENTRIES = """
            insert into ledger_entry (id, account_code, community_code, fund_year, sequence, kind, reference, memo,
                posted_at, previous_hash, hash)
            select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::timestamptz[], ?::char(64)[], ?::char(64)[])""";
    private static final String INSERT_LINES = """
            insert into ledger_line (entry_id, line_no, account, debit_fen, credit_fen)
            select * from unnest(?::uuid[], ?::smallint[], ?::varchar[], ?::bigint[], ?::bigint[])""";
    private static final String INSERT_ACCOUNTS = """
            insert into account (code, community_code, fund_year, kind, balance_fen, last_sequence, last_hash)
            select * from unnest(?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::bigint[], ?::bigint[], ?::char(64)[])
            on conflict (code) do nothing""";

    @Inject
    Jdbc jdbc;

    /** The account, its row locked until the transaction ends, so appends to one chain are serialised. */
    public Optional<Account> lock(String accountCode) {
        return jdbc.one("select * from account where code = ? for update", LedgerStore::account, accountCode);
    }

    public Optional<Account> find(String accountCode) {
        return jdbc.one("select * from account where code = ?", LedgerStore::account, accountCode);
    }

    public List<Account> accountsOf(String communityCode, Integer fundYear) {
        return jdbc.list("select * from account where community_code = ? and (?::int is null or fund_year = ?) order by code",
                LedgerStore::account, communityCode, fundYear, fundYear);
    }

    /** Chained accounts of one community, or of the city when {@code communityCode} is null, by code. */
    public java.util.Map<String, Account> heads(String communityCode) {
        java.util.Map<String, Account> heads = new java.util.HashMap<>();
        jdbc.list("select * from account where ?::varchar is null or community_code = ?", LedgerStore::account,
                communityCode, communityCode).forEach(a -> heads.put(a.code(), a));
        return heads;
    }

    /** Those of the given accounts that exist already. */
    public java.util.Map<String, Account> existing(Collection<String> codes) {
        java.util.Map<String, Account> found = new java.util.HashMap<>();
        jdbc.list("select * from account where code = any(?)", LedgerStore::account, (Object) codes.toArray(String[]::new))
                .forEach(a -> found.put(a.code(), a));
        return found;
    }

    /** Opens accounts that do not exist yet (a concurrent opener wins silently). */
    public void open(Collection<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        Columns c = new Columns(accounts.size(), 7);
        for (Account a : accounts) {
            c.row(a.code(), a.communityCode(), a.fundYear(), a.kind().name(), a.balance().fen(), a.lastSequence(), a.lastHash());
        }
        c.insert(jdbc, INSERT_ACCOUNTS, "varchar", "varchar", "int4", "varchar", "int8", "int8", "bpchar");
    }

    /** Those of the given accounts that exist, their rows locked until the transaction ends (in code order). */
    public java.util.Map<String, Account> lockAll(Collection<String> codes) {
        java.util.Map<String, Account> found = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.list("select * from account where code = any(?) order by code for update", LedgerStore::account,
                (Object) codes.stream().sorted().toArray(String[]::new)).forEach(a -> found.put(a.code(), a));
        return found;
    }

    /** Moves many accounts' balances and chain heads in one statement. */
    public void saveHeads(Collection<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        Columns c = new Columns(accounts.size(), 4);
        for (Account a : accounts) {
            c.row(a.code(), a.balance().fen(), a.lastSequence(), a.lastHash());
        }
        c.insert(jdbc, """
                update account a set balance_fen = h.balance_fen, last_sequence = h.last_sequence, last_hash = h.last_hash
                from unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::char(64)[]) as h(code, balance_fen, last_sequence, last_hash)
                where a.code = h.code""", "varchar", "int8", "int8", "bpchar");
    }

    /** Moves an account's balance and chain head after its entries were appended. */
    public void saveHead(Account a) {
        jdbc.update("update account set balance_fen = ?, last_sequence = ?, last_hash = ? where code = ?",
                a.balance().fen(), a.lastSequence(), a.lastHash(), a.code());
    }

    /** Appends entries and their lines, one statement for all entries and one for all lines. */
    public void append(Collection<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Columns e = new Columns(entries.size(), 11);
        Columns l = new Columns(entries.stream().mapToInt(x -> x.lines().size()).sum(), 5);
        for (LedgerEntry entry : entries) {
            e.row(Jdbc.uuid(entry.id()), entry.accountCode(), entry.communityCode(), entry.fundYear(), entry.sequence(),
                    entry.kind().name(), entry.reference(), entry.memo(), Jdbc.bindable(entry.postedAt()),
                    entry.previousHash(), entry.hash());
            short lineNo = 1;
            for (LedgerLine line : entry.lines()) {
                l.row(Jdbc.uuid(entry.id()), lineNo++, line.account(), line.debitFen(), line.creditFen());
            }
        }
        e.insert(jdbc, INSERT_ENTRIES, "uuid", "varchar", "varchar", "int4", "int8", "varchar", "varchar", "varchar",
                "timestamptz", "bpchar", "bpchar");
        l.insert(jdbc, INSERT_LINES, "uuid", "int2", "varchar", "int8", "int8");
    }

    /** Column arrays for an {@code insert ... select * from unnest(...)}. */
    private static final class Columns {
        private final Object[][] values;
        private int row;

        Columns(int rows, int columns) {
            values = new Object[columns][rows];
        }

        void row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                values[i][row] = cells[i];
            }
            row++;
        }

        void insert(Jdbc jdbc, String sql, String... types) {
            jdbc.work(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        s.setArray(i + 1, c.createArrayOf(types[i], values[i]));
                    }
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    /** The entries of a community (all its chained accounts, or one year's), in chain order. */
    public List<LedgerEntry> entriesOf(String communityCode, Integer fundYear) {
        List<LedgerEntry> entries = new ArrayList<>();
        streamEntries("e.account_code in (select code from account where community_code = ? and (?::int is null or fund_year = ?))",
                entries::add, communityCode, fundYear, fundYear);
        return entries;
    }

    /** Streams the entries of one community's accounts, or of every account when {@code communityCode} is null. */
    public void streamEntriesOf(String communityCode, Consumer<LedgerEntry> sink) {
        if (communityCode == null) {
            streamEntries("true", sink);
        } else {
            streamEntries("e.account_code in (select code from account where community_code = ?)", sink, communityCode);
        }
    }

    /** What the public ledger shows beside an entry's chained fields (F8): a payment's payee and voucher, reversals. */
    public record Published(LedgerEntry entry, String payee, String voucher, String reverses, String reversedBy) {
    }

    /**
     * Streams a community's entries (all years, or one) with their payee, voucher and reversal links, in chain
     * order, through a JDBC cursor (fetch size 1,000): nothing is held in memory but the current entry. Must run
     * inside a transaction so the driver fetches in chunks.
     */
    public void streamPublished(String communityCode, Integer fundYear, Consumer<Published> sink) {
        streamEntries("e.account_code in (select code from account where community_code = ? and (?::int is null or fund_year = ?))",
                true, 1000, sink, communityCode, fundYear, fundYear);
    }

    private void streamEntries(String where, Consumer<LedgerEntry> sink, Object... parameters) {
        streamEntries(where, false, 5000, (Published p) -> sink.accept(p.entry()), parameters);
    }

    /**
     * Streams entries with their lines in (account, sequence) order; {@code where} filters on alias
     * {@code e}. Runs inside a transaction so the driver fetches in chunks.
     */
    private void streamEntries(String where, boolean published, int fetchSize, Consumer<Published> sink, Object... parameters) {
        String sql = "select e.*, l.line_no, l.account, l.debit_fen, l.credit_fen"
                + (published ? ", p.payee, p.voucher, rs.reversed_entry_id as reverses, rv.reversal_entry_id as reversed_by" : "")
                + " from ledger_entry e join ledger_line l on l.entry_id = e.id"
                + (published ? " left join payment p on p.entry_id = e.id"
                        + " left join payment_reversal rs on rs.reversal_entry_id = e.id"
                        + " left join payment_reversal rv on rv.reversed_entry_id = e.id" : "")
                + " where " + where + " order by e.account_code, e.sequence, l.line_no";
        jdbc.work(c -> {
            try (PreparedStatement s = Jdbc.prepare(c, sql, parameters)) {
                s.setFetchSize(fetchSize);
                try (ResultSet rs = s.executeQuery()) {
                    EntryBuilder current = null;
                    while (rs.next()) {
                        String id = rs.getString("id");
                        if (current == null || !current.id.equals(id)) {
                            if (current != null) {
                                sink.accept(current.build());
                            }
                            current = new EntryBuilder(rs, published);
                        }
                        current.lines.add(new LedgerLine(rs.getString("account"), rs.getLong("debit_fen"), rs.getLong("credit_fen")));
                    }
                    if (current != null) {
                        sink.accept(current.build());
                    }
                }
            }
            return null;
        });
    }

    private static final class EntryBuilder {
        final String id;
        final LedgerEntry template;
        final String payee;
        final String voucher;
        final String reverses;
        final String reversedBy;
        final List<LedgerLine> lines = new ArrayList<>();

        EntryBuilder(ResultSet rs, boolean published) throws SQLException {
            this.id = rs.getString("id");
            this.template = new LedgerEntry(id, rs.getString("account_code"), rs.getString("community_code"),
                    rs.getInt("fund_year"), rs.getLong("sequence"), EntryKind.valueOf(rs.getString("kind")),
                    rs.getString("reference"), rs.getString("memo"), Jdbc.instant(rs, "posted_at"), List.of(),
                    rs.getString("previous_hash"), rs.getString("hash"));
            this.payee = published ? rs.getString("payee") : null;
            this.voucher = published ? rs.getString("voucher") : null;
            this.reverses = published ? rs.getString("reverses") : null;
            this.reversedBy = published ? rs.getString("reversed_by") : null;
        }

        Published build() {
            LedgerEntry t = template;
            return new Published(new LedgerEntry(t.id(), t.accountCode(), t.communityCode(), t.fundYear(), t.sequence(), t.kind(),
                    t.reference(), t.memo(), t.postedAt(), lines, t.previousHash(), t.hash()), payee, voucher, reverses, reversedBy);
        }
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("code"), rs.getString("community_code"), rs.getInt("fund_year"),
                Account.Kind.valueOf(rs.getString("kind")), Money.fen(rs.getLong("balance_fen")),
                rs.getLong("last_sequence"), rs.getString("last_hash"));
    }
}

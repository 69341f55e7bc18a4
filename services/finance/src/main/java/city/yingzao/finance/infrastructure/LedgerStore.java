package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
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

    private static final String INSERT_ENTRY = """
            insert into ledger_entry (id, account_code, community_code, fund_year, sequence, kind, reference, memo,
                posted_at, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LINE = """
            insert into ledger_line (entry_id, line_no, account, debit_fen, credit_fen) values (?, ?, ?, ?, ?)""";
    private static final String INSERT_ACCOUNT = """
            insert into account (code, community_code, fund_year, kind, balance_fen, last_sequence, last_hash)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""";

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
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_ACCOUNT)) {
                for (Account a : accounts) {
                    s.setString(1, a.code());
                    s.setString(2, a.communityCode());
                    s.setInt(3, a.fundYear());
                    s.setString(4, a.kind().name());
                    s.setLong(5, a.balance().fen());
                    s.setLong(6, a.lastSequence());
                    s.setString(7, a.lastHash());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Moves an account's balance and chain head after its entries were appended. */
    public void saveHead(Account a) {
        jdbc.update("update account set balance_fen = ?, last_sequence = ?, last_hash = ? where code = ?",
                a.balance().fen(), a.lastSequence(), a.lastHash(), a.code());
    }

    /** Appends entries and their lines with two JDBC batches. */
    public void append(Collection<LedgerEntry> entries) {
        jdbc.work(c -> {
            try (PreparedStatement e = c.prepareStatement(INSERT_ENTRY); PreparedStatement l = c.prepareStatement(INSERT_LINE)) {
                for (LedgerEntry entry : entries) {
                    e.setObject(1, Jdbc.uuid(entry.id()));
                    e.setString(2, entry.accountCode());
                    e.setString(3, entry.communityCode());
                    e.setInt(4, entry.fundYear());
                    e.setLong(5, entry.sequence());
                    e.setString(6, entry.kind().name());
                    e.setString(7, entry.reference());
                    e.setString(8, entry.memo());
                    e.setObject(9, Jdbc.bindable(entry.postedAt()));
                    e.setString(10, entry.previousHash());
                    e.setString(11, entry.hash());
                    e.addBatch();
                    short lineNo = 1;
                    for (LedgerLine line : entry.lines()) {
                        l.setObject(1, Jdbc.uuid(entry.id()));
                        l.setShort(2, lineNo++);
                        l.setString(3, line.account());
                        l.setLong(4, line.debitFen());
                        l.setLong(5, line.creditFen());
                        l.addBatch();
                    }
                }
                e.executeBatch();
                l.executeBatch();
            }
            return null;
        });
    }

    /** The entries of a community (all its chained accounts, or one year's), in chain order. */
    public List<LedgerEntry> entriesOf(String communityCode, Integer fundYear) {
        List<LedgerEntry> entries = new ArrayList<>();
        streamEntries("e.community_code = ? and (?::int is null or e.fund_year = ?)", entries::add, communityCode,
                fundYear, fundYear);
        return entries;
    }

    /**
     * Streams entries with their lines in (account, sequence) order; {@code where} filters on alias
     * {@code e}. Runs inside a transaction so the driver fetches in chunks.
     */
    public void streamEntries(String where, Consumer<LedgerEntry> sink, Object... parameters) {
        String sql = "select e.*, l.line_no, l.account, l.debit_fen, l.credit_fen from ledger_entry e "
                + "join ledger_line l on l.entry_id = e.id where " + where + " order by e.account_code, e.sequence, l.line_no";
        jdbc.work(c -> {
            try (PreparedStatement s = Jdbc.prepare(c, sql, parameters)) {
                s.setFetchSize(5000);
                try (ResultSet rs = s.executeQuery()) {
                    EntryBuilder current = null;
                    while (rs.next()) {
                        String id = rs.getString("id");
                        if (current == null || !current.id.equals(id)) {
                            if (current != null) {
                                sink.accept(current.build());
                            }
                            current = new EntryBuilder(rs);
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
        final List<LedgerLine> lines = new ArrayList<>();

        EntryBuilder(ResultSet rs) throws SQLException {
            this.id = rs.getString("id");
            this.template = new LedgerEntry(id, rs.getString("account_code"), rs.getString("community_code"),
                    rs.getInt("fund_year"), rs.getLong("sequence"), EntryKind.valueOf(rs.getString("kind")),
                    rs.getString("reference"), rs.getString("memo"), Jdbc.instant(rs, "posted_at"), List.of(),
                    rs.getString("previous_hash"), rs.getString("hash"));
        }

        LedgerEntry build() {
            LedgerEntry t = template;
            return new LedgerEntry(t.id(), t.accountCode(), t.communityCode(), t.fundYear(), t.sequence(), t.kind(),
                    t.reference(), t.memo(), t.postedAt(), lines, t.previousHash(), t.hash());
        }
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("code"), rs.getString("community_code"), rs.getInt("fund_year"),
                Account.Kind.valueOf(rs.getString("kind")), Money.fen(rs.getLong("balance_fen")),
                rs.getLong("last_sequence"), rs.getString("last_hash"));
    }
}

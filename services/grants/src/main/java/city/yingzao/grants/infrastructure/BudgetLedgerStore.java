package city.yingzao.grants.infrastructure;

import city.yingzao.grants.domain.BudgetEntry;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** G4: the programme budget ledger: its head (locked while appending) and its append-only entries. */
@ApplicationScoped
public class BudgetLedgerStore {

    @Inject
    Jdbc jdbc;

    /** The head of a programme's chain: balance, last sequence, last hash. */
    public record Head(int year, long balanceFen, long lastSequence, String lastHash) {
    }

    public void open(int year) {
        jdbc.update("insert into budget_account (programme_year, balance_fen, last_sequence, last_hash) values (?, 0, 0, null)"
                + " on conflict do nothing", year);
    }

    /** The head, its row locked until the transaction ends, so appends to one chain are serialised. */
    public Optional<Head> lock(int year) {
        return jdbc.one("select * from budget_account where programme_year = ? for update", BudgetLedgerStore::head, year);
    }

    public Optional<Head> head(int year) {
        return jdbc.one("select * from budget_account where programme_year = ?", BudgetLedgerStore::head, year);
    }

    public void append(BudgetEntry e) {
        jdbc.update("""
                insert into budget_entry (id, programme_year, sequence, kind, reference, memo, amount_fen, balance_after_fen, posted_at,
                    previous_hash, hash) values (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.id(), e.programmeYear(), e.sequence(), e.kind(), e.reference(), e.memo(), e.amountFen(), e.balanceAfterFen(),
                e.postedAt(), e.previousHash(), e.hash());
        jdbc.update("update budget_account set balance_fen = ?, last_sequence = ?, last_hash = ? where programme_year = ?",
                e.balanceAfterFen(), e.sequence(), e.hash(), e.programmeYear());
    }

    public List<BudgetEntry> entries(int year) {
        return jdbc.list("select * from budget_entry where programme_year = ? order by sequence", rs -> new BudgetEntry(
                rs.getString("id"), rs.getInt("programme_year"), rs.getLong("sequence"), BudgetEntry.Kind.valueOf(rs.getString("kind")),
                rs.getString("reference"), rs.getString("memo"), rs.getLong("amount_fen"), rs.getLong("balance_after_fen"),
                Jdbc.instant(rs, "posted_at"), rs.getString("previous_hash"), rs.getString("hash")), year);
    }

    static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getInt("programme_year"), rs.getLong("balance_fen"), rs.getLong("last_sequence"), rs.getString("last_hash"));
    }
}

package city.yingzao.finance.infrastructure;

import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Beside the append-only ledger: what a project payment names (payee, voucher) and who posted it, the
 * reversal of a payment, and the close of a fund year (F1, F8).
 */
@ApplicationScoped
public class PaymentStore {

    @Inject
    Jdbc jdbc;

    public record Payment(String entryId, String projectId, String accountCode, long amountFen, String payeeOrg,
                          String payee, String voucher, String postedBy, String reversalEntryId) {
    }

    public record YearClose(String communityCode, int fundYear, long carriedFen, String closingEntryId,
                            String openingEntryId, boolean early, Instant closedAt) {
    }

    public void record(Payment p) {
        jdbc.update("""
                insert into payment (entry_id, project_id, account_code, amount_fen, payee_org, payee, voucher, posted_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", Jdbc.uuid(p.entryId()), Jdbc.uuid(p.projectId()), p.accountCode(),
                p.amountFen(), p.payeeOrg(), p.payee(), p.voucher(), p.postedBy());
    }

    public boolean voucherUsed(String accountCode, String voucher) {
        return jdbc.one("select 1 from payment where account_code = ? and voucher = ?", rs -> 1, accountCode, voucher).isPresent();
    }

    /** The payment of an entry, its row locked so two reversals of it are serialised. */
    public Optional<Payment> lock(String entryId) {
        return jdbc.one("""
                select p.*, r.reversal_entry_id from payment p left join payment_reversal r on r.reversed_entry_id = p.entry_id
                where p.entry_id = ? for update of p""", PaymentStore::payment, Jdbc.uuid(entryId));
    }

    public void recordReversal(String reversedEntryId, String reversalEntryId, String reason, String postedBy) {
        jdbc.update("insert into payment_reversal (reversed_entry_id, reversal_entry_id, reason, posted_by) values (?, ?, ?, ?)",
                Jdbc.uuid(reversedEntryId), Jdbc.uuid(reversalEntryId), reason, postedBy);
    }

    public boolean yearClosed(String communityCode, int fundYear) {
        return jdbc.one("select 1 from fund_year_close where community_code = ? and fund_year = ?", rs -> 1, communityCode,
                fundYear).isPresent();
    }

    /** Of the given communities, those whose fund year is closed already. */
    public java.util.Set<String> closedOf(Collection<String> communityCodes, int fundYear) {
        return new java.util.HashSet<>(jdbc.list("select community_code from fund_year_close where fund_year = ? "
                + "and community_code = any(?)", rs -> rs.getString(1), fundYear, (Object) communityCodes.toArray(String[]::new)));
    }

    /** Records closes in one statement; returns how many were new (a concurrent close of the same year wins). */
    public int recordCloses(Collection<YearClose> closes, String closedBy) {
        if (closes.isEmpty()) {
            return 0;
        }
        int n = closes.size();
        Object[] community = new Object[n], year = new Object[n], carried = new Object[n], closing = new Object[n],
                opening = new Object[n], early = new Object[n], at = new Object[n];
        int i = 0;
        for (YearClose c : closes) {
            community[i] = c.communityCode();
            year[i] = c.fundYear();
            carried[i] = c.carriedFen();
            closing[i] = c.closingEntryId() == null ? null : Jdbc.uuid(c.closingEntryId());
            opening[i] = c.openingEntryId() == null ? null : Jdbc.uuid(c.openingEntryId());
            early[i] = c.early();
            at[i] = Jdbc.bindable(c.closedAt());
            i++;
        }
        return jdbc.work(conn -> {
            try (java.sql.PreparedStatement s = conn.prepareStatement("""
                    insert into fund_year_close (community_code, fund_year, carried_fen, closing_entry_id, opening_entry_id,
                        early, closed_by, closed_at)
                    select c, y, f, ce, oe, e, ?, a from unnest(?::varchar[], ?::int[], ?::bigint[], ?::uuid[], ?::uuid[],
                        ?::boolean[], ?::timestamptz[]) as t(c, y, f, ce, oe, e, a)
                    on conflict do nothing""")) {
                s.setString(1, closedBy);
                s.setArray(2, conn.createArrayOf("varchar", community));
                s.setArray(3, conn.createArrayOf("int4", year));
                s.setArray(4, conn.createArrayOf("int8", carried));
                s.setArray(5, conn.createArrayOf("uuid", closing));
                s.setArray(6, conn.createArrayOf("uuid", opening));
                s.setArray(7, conn.createArrayOf("bool", early));
                s.setArray(8, conn.createArrayOf("timestamptz", at));
                return s.executeUpdate();
            }
        });
    }

    public List<YearClose> closesOf(String communityCode) {
        return jdbc.list("select * from fund_year_close where community_code = ? order by fund_year", rs -> new YearClose(
                rs.getString("community_code"), rs.getInt("fund_year"), rs.getLong("carried_fen"),
                rs.getString("closing_entry_id"), rs.getString("opening_entry_id"), rs.getBoolean("early"),
                Jdbc.instant(rs, "closed_at")), communityCode);
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(rs.getString("entry_id"), rs.getString("project_id"), rs.getString("account_code"),
                rs.getLong("amount_fen"), rs.getString("payee_org"), rs.getString("payee"), rs.getString("voucher"),
                rs.getString("posted_by"), rs.getString("reversal_entry_id"));
    }
}

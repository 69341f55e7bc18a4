package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.FundPolicy;
import city.yingzao.finance.domain.Money;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fund policies per year (F2-F4) and the audit trail of their changes. */
@ApplicationScoped
public class PolicyStore {

    @Inject
    Jdbc jdbc;

    /** One audited change: who, when, old, new and why. */
    public record Change(int fundYear, long revision, String oldPolicy, String newPolicy, String reason, String changedBy,
                         Instant changedAt) {
    }

    /** The stored policy of a year, locked for update when {@code lock}. */
    public Optional<FundPolicy> find(int fundYear, boolean lock) {
        return jdbc.one("select * from fund_policy where fund_year = ?" + (lock ? " for update" : ""), PolicyStore::policy, fundYear);
    }

    /** Stores the policy unless the year already has one; true when stored. */
    public boolean insertIfAbsent(FundPolicy p, String by, Instant at) {
        return jdbc.update("""
                insert into fund_policy (fund_year, rural_floor_fen, urban_per_100_households_fen, city_percent_main_urban,
                    city_percent_near_suburb, city_percent_far_suburb, revision, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (fund_year) do nothing""",
                p.fundYear(), p.ruralFloor().fen(), p.urbanPer100Households().fen(), p.cityPercentMainUrban(),
                p.cityPercentNearSuburb(), p.cityPercentFarSuburb(), p.revision(), by, at) == 1;
    }

    public void update(FundPolicy p, String by, Instant at) {
        jdbc.update("""
                update fund_policy set rural_floor_fen = ?, urban_per_100_households_fen = ?, city_percent_main_urban = ?,
                    city_percent_near_suburb = ?, city_percent_far_suburb = ?, revision = ?, updated_by = ?, updated_at = ?
                where fund_year = ?""",
                p.ruralFloor().fen(), p.urbanPer100Households().fen(), p.cityPercentMainUrban(), p.cityPercentNearSuburb(),
                p.cityPercentFarSuburb(), p.revision(), by, at, p.fundYear());
    }

    public void recordChange(Change c) {
        jdbc.update("""
                insert into fund_policy_change (fund_year, revision, old_policy, new_policy, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                c.fundYear(), c.revision(), c.oldPolicy(), c.newPolicy(), c.reason(), c.changedBy(), c.changedAt());
    }

    public List<Change> history(int fundYear) {
        return jdbc.list("select * from fund_policy_change where fund_year = ? order by id desc",
                rs -> new Change(rs.getInt("fund_year"), rs.getLong("revision"), rs.getString("old_policy"),
                        rs.getString("new_policy"), rs.getString("reason"), rs.getString("changed_by"),
                        Jdbc.instant(rs, "changed_at")), fundYear);
    }

    static FundPolicy policy(ResultSet rs) throws SQLException {
        return new FundPolicy(rs.getInt("fund_year"), Money.fen(rs.getLong("rural_floor_fen")),
                Money.fen(rs.getLong("urban_per_100_households_fen")), rs.getInt("city_percent_main_urban"),
                rs.getInt("city_percent_near_suburb"), rs.getInt("city_percent_far_suburb"), rs.getLong("revision"));
    }
}

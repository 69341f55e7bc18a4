package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.HouseholdCount;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** F3: household counts declared per community and fund year (append-only: the latest is in force, the rest is history). */
@ApplicationScoped
public class HouseholdCountStore {

    /** A transaction-scoped advisory lock per fund year: declarations share it, an allocation run holds it alone. */
    private static final long LOCK_SPACE = 0x46330000_00000000L; // "F3"

    @Inject
    Jdbc jdbc;

    /** One declaration. */
    public record Declaration(long seq, String communityCode, int fundYear, int households, String reason, String declaredBy,
                              Instant declaredAt) {
    }

    /** A community's figures for a year: the registry's count, the households listed (active) in the replica, the declaration in force. */
    public record Figures(String communityCode, String name, String districtCode, int registryCount, long listedHouseholds,
                          Declaration declared) {
    }

    /** Taken by a declaration: runs of the same year wait, other declarations do not. */
    public void lockYearShared(int fundYear) {
        jdbc.one("select pg_advisory_xact_lock_shared(?)", rs -> true, LOCK_SPACE + fundYear);
    }

    /** Taken by an allocation run: it reads the declarations of the year once no declaration is being made. */
    public void lockYearExclusive(int fundYear) {
        jdbc.one("select pg_advisory_xact_lock(?)", rs -> true, LOCK_SPACE + fundYear);
    }

    public Declaration declare(String communityCode, int fundYear, int households, String reason, String by, Instant at) {
        return jdbc.one("""
                insert into household_count_declaration (community_code, fund_year, households, reason, declared_by, declared_at)
                values (?, ?, ?, ?, ?, ?) returning *""", HouseholdCountStore::declaration,
                communityCode, fundYear, households, reason, by, at).orElseThrow();
    }

    /** Every declaration of the community for the year, newest first. */
    public List<Declaration> history(String communityCode, int fundYear) {
        return jdbc.list("select * from household_count_declaration where community_code = ? and fund_year = ? order by seq desc",
                HouseholdCountStore::declaration, communityCode, fundYear);
    }

    /** The declaration in force of each community that has one for the year. */
    public Map<String, HouseholdCount.Declared> inForce(int fundYear) {
        Map<String, HouseholdCount.Declared> byCommunity = new HashMap<>();
        jdbc.list("""
                select distinct on (community_code) community_code, seq, households from household_count_declaration
                where fund_year = ? order by community_code, seq desc""",
                rs -> byCommunity.put(rs.getString(1), new HouseholdCount.Declared(rs.getLong(2), rs.getInt(3))), fundYear);
        return byCommunity;
    }

    /** The figures of one community, or of every community of a district, ordered by code: one query. */
    public List<Figures> figures(int fundYear, String communityCode, String districtCode) {
        return jdbc.list("""
                select c.code, c.name, c.district_code, c.registered_households,
                       (select count(*) from replica_household h where h.community_code = c.code and h.active) as listed,
                       d.seq, d.community_code, d.fund_year, d.households, d.reason, d.declared_by, d.declared_at
                from replica_community c
                left join lateral (select * from household_count_declaration x where x.community_code = c.code
                                   and x.fund_year = ? order by x.seq desc limit 1) d on true
                where (?::varchar is null or c.code = ?) and (?::varchar is null or c.district_code = ?)
                order by c.code""", rs -> new Figures(rs.getString("code"), rs.getString("name"), rs.getString("district_code"),
                        rs.getInt("registered_households"), rs.getLong("listed"),
                        rs.getObject("seq") == null ? null : declaration(rs)),
                fundYear, communityCode, communityCode, districtCode, districtCode);
    }

    private static Declaration declaration(ResultSet rs) throws SQLException {
        return new Declaration(rs.getLong("seq"), rs.getString("community_code"), rs.getInt("fund_year"), rs.getInt("households"),
                rs.getString("reason"), rs.getString("declared_by"), Jdbc.instant(rs, "declared_at"));
    }
}

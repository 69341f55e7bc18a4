package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.Allocation;
import city.yingzao.finance.domain.AllocationPolicy;
import city.yingzao.finance.domain.CommunityKind;
import city.yingzao.finance.domain.DistrictTier;
import city.yingzao.finance.domain.HouseholdCount;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Allocations, one per community and fund year (F2-F4). */
@ApplicationScoped
public class AllocationStore {

    /** One statement for the whole run: arrays in, the rows really inserted out; a community allocated before is left alone. */
    private static final String INSERT_NEW = """
            insert into allocation (id, community_code, fund_year, community_kind, district_code, district_tier,
                registered_households, basis, total_fen, city_share_fen, district_share_fen, policy_revision,
                allocated_at, entry_id, household_source, household_declaration)
            select * from unnest(?::uuid[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[],
                ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::uuid[], ?::varchar[],
                ?::bigint[])
            on conflict (community_code, fund_year) do nothing
            returning community_code""";

    @Inject
    Jdbc jdbc;

    public Set<String> allocatedCommunities(int fundYear) {
        return new HashSet<>(jdbc.list("select community_code from allocation where fund_year = ?", rs -> rs.getString(1), fundYear));
    }

    /** Inserts the allocations not made yet; returns the community codes inserted now. */
    public Set<String> insertNew(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return Set.of();
        }
        return jdbc.work(c -> {
            int n = allocations.size();
            Object[][] columns = new Object[16][n];
            for (int i = 0; i < n; i++) {
                Allocation a = allocations.get(i);
                columns[0][i] = Jdbc.uuid(a.id());
                columns[1][i] = a.communityCode();
                columns[2][i] = a.fundYear();
                columns[3][i] = a.communityKind().name();
                columns[4][i] = a.districtCode();
                columns[5][i] = a.districtTier().name();
                columns[6][i] = a.registeredHouseholds();
                columns[7][i] = a.basis().name();
                columns[8][i] = a.totalFen();
                columns[9][i] = a.cityShareFen();
                columns[10][i] = a.districtShareFen();
                columns[11][i] = a.policyRevision();
                columns[12][i] = Jdbc.bindable(a.allocatedAt());
                columns[13][i] = Jdbc.uuid(a.entryId());
                columns[14][i] = a.householdSource().name();
                columns[15][i] = a.householdDeclaration();
            }
            String[] types = {"uuid", "varchar", "int4", "varchar", "varchar", "varchar", "int4", "varchar", "int8", "int8",
                    "int8", "int8", "timestamptz", "uuid", "varchar", "int8"};
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(INSERT_NEW)) {
                for (int col = 0; col < columns.length; col++) {
                    s.setArray(col + 1, array(c, types[col], columns[col]));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
            }
            return inserted;
        });
    }

    public Optional<Allocation> find(String communityCode, int fundYear) {
        return jdbc.one("select * from allocation where community_code = ? and fund_year = ?", AllocationStore::allocation,
                communityCode, fundYear);
    }

    public List<Allocation> ofCommunity(String communityCode) {
        return jdbc.list("select * from allocation where community_code = ? order by fund_year", AllocationStore::allocation,
                communityCode);
    }

    /** A page of a year's allocations, optionally of one district, in community order. */
    public List<Allocation> ofYear(int fundYear, String districtCode, String after, int limit) {
        return jdbc.list("""
                select * from allocation where fund_year = ? and (?::varchar is null or district_code = ?)
                and community_code > ? order by community_code limit ?""",
                AllocationStore::allocation, fundYear, districtCode, districtCode, after == null ? "" : after, limit);
    }

    /** Count and sums of a year's allocations, of one district or (null) of the city. */
    public DistrictTotals totals(int fundYear, String districtCode) {
        return jdbc.one("""
                select count(*), coalesce(sum(total_fen), 0), coalesce(sum(city_share_fen), 0), coalesce(sum(district_share_fen), 0)
                from allocation where fund_year = ? and (?::varchar is null or district_code = ?)""",
                rs -> new DistrictTotals(districtCode, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                fundYear, districtCode, districtCode).orElseThrow();
    }

    /** A year's count and sums per district, in district order: one GROUP BY however many districts. */
    public List<DistrictTotals> totalsByDistrict(int fundYear) {
        return jdbc.list("""
                select district_code, count(*), sum(total_fen), sum(city_share_fen), sum(district_share_fen)
                from allocation where fund_year = ? group by district_code order by district_code""",
                rs -> new DistrictTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), fundYear);
    }

    /** A district's (or, district null, the city's) allocations of a year: how many communities, the total and who pays it. */
    public record DistrictTotals(String district, long communities, long totalFen, long cityShareFen, long districtShareFen) {
    }

    public boolean anyIn(int fundYear) {
        return jdbc.one("select 1 from allocation where fund_year = ? limit 1", rs -> true, fundYear).isPresent();
    }

    private static java.sql.Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    static Allocation allocation(ResultSet rs) throws SQLException {
        return new Allocation(rs.getString("id"), rs.getString("community_code"), rs.getInt("fund_year"),
                CommunityKind.valueOf(rs.getString("community_kind")), rs.getString("district_code"),
                DistrictTier.valueOf(rs.getString("district_tier")), rs.getInt("registered_households"),
                AllocationPolicy.Basis.valueOf(rs.getString("basis")), rs.getLong("total_fen"),
                rs.getLong("city_share_fen"), rs.getLong("district_share_fen"), rs.getLong("policy_revision"),
                Jdbc.instant(rs, "allocated_at"), rs.getString("entry_id"),
                HouseholdCount.Source.valueOf(rs.getString("household_source")), (Long) rs.getObject("household_declaration"));
    }
}

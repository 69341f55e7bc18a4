package city.yingzao.benchmarks;

import city.yingzao.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Fills the service's registry replica directly, as if the registry's snapshots had been consumed
 * (replication over Kafka is what the service's tests prove; the benchmark measures what comes after).
 */
final class Seed {

    private Seed() {
    }

    /** Communities B000001..: every fifth rural, tiers in turn, 500-4,499 households. */
    static void communities(int from, int to) throws SQLException {
        update("""
                insert into replica_community (code, name, kind, district_code, district_tier, registered_households, stage, revision)
                select 'B' || lpad(g::text, 6, '0'), 'bench community ' || g,
                       case when g % 5 = 0 then 'RURAL' else 'URBAN' end, 'BD' || (g % 20),
                       (array['MAIN_URBAN', 'NEAR_SUBURB', 'FAR_SUBURB'])[1 + g % 3], 500 + (g * 37) % 4000, 3, 1
                from generate_series(?, ?) g on conflict (code) do nothing""", from, to);
    }

    /** One community with {@code households} active households H0000001... */
    static void votingCommunity(String code, int households) throws SQLException {
        update("""
                insert into replica_community (code, name, kind, district_code, district_tier, registered_households, stage, revision)
                values (?, 'bench voting community', 'URBAN', 'BD0', 'MAIN_URBAN', ?, 3, 1) on conflict (code) do nothing""",
                code, households);
        update("""
                insert into replica_household (community_code, code, group_code, active, revision)
                select ?, 'H' || lpad(g::text, 7, '0'), 'G01', true, 1 from generate_series(1, ?) g
                on conflict do nothing""", code, households);
    }

    static long count(String sql, Object... parameters) {
        return TestPostgres.count(sql, parameters);
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestPostgres.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}

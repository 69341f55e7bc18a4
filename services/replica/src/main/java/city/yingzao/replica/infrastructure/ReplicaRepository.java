package city.yingzao.replica.infrastructure;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.replica.domain.HouseholdCounts;
import city.yingzao.replica.domain.NewestRevision;
import city.yingzao.replica.domain.ReplicatedCommunity;
import city.yingzao.replica.domain.ReplicatedOrganisation;
import city.yingzao.replica.domain.ReplicatedUnit;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The replica's tables, written set-based: a poll of snapshots is one upsert per table, each row
 * kept only when its revision is higher than the one held ({@link NewestRevision}). Inside a JTA
 * transaction the connection is the transaction's, so the consumer's record of event ids commits
 * with these rows.
 */
@ApplicationScoped
public class ReplicaRepository {

    @Inject
    AgroalDataSource dataSource;

    /** Keeps the communities whose snapshot is newer than the copy held, their groups and courtyards replaced. */
    public Set<String> replaceCommunities(List<CommunitySnapshotV1> snapshots) {
        List<CommunitySnapshotV1> newest = NewestRevision.perKey(snapshots, CommunitySnapshotV1::code,
                CommunitySnapshotV1::revision);
        return work(c -> {
            Set<String> changed = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into replica_community (code, name, kind, district_code, district_tier, street_code,
                        registered_households, stage, revision, updated_at)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::int4[], ?::int2[], ?::int8[], ?::timestamptz[])
                    on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                        district_code = excluded.district_code, district_tier = excluded.district_tier,
                        street_code = excluded.street_code, registered_households = excluded.registered_households,
                        stage = excluded.stage, revision = excluded.revision, updated_at = excluded.updated_at
                    where replica_community.revision < excluded.revision
                    returning code""")) {
                int n = newest.size();
                String[] code = new String[n], name = new String[n], kind = new String[n], district = new String[n],
                        tier = new String[n], street = new String[n], updated = new String[n];
                Integer[] households = new Integer[n], stage = new Integer[n];
                Long[] revision = new Long[n];
                for (int i = 0; i < n; i++) {
                    CommunitySnapshotV1 x = newest.get(i);
                    code[i] = x.code();
                    name[i] = x.name();
                    kind[i] = x.kind();
                    district[i] = x.districtCode();
                    tier[i] = x.districtTier();
                    street[i] = x.streetCode();
                    households[i] = x.registeredHouseholds();
                    stage[i] = x.stage();
                    revision[i] = x.revision();
                    updated[i] = x.updatedAt() == null ? null : x.updatedAt().toString();
                }
                bind(c, s, code, name, kind, district, tier, street);
                s.setArray(7, c.createArrayOf("int4", households));
                s.setArray(8, c.createArrayOf("int2", stage));
                s.setArray(9, c.createArrayOf("int8", revision));
                s.setArray(10, c.createArrayOf("varchar", updated));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changed.add(rs.getString(1));
                    }
                }
            }
            if (changed.isEmpty()) {
                return changed;
            }
            String[] changedCodes = changed.toArray(String[]::new);
            for (String table : List.of("replica_group", "replica_courtyard")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where community_code = any(?)")) {
                    s.setArray(1, c.createArrayOf("varchar", changedCodes));
                    s.executeUpdate();
                }
            }
            List<String[]> groups = new ArrayList<>();
            List<String[]> courtyards = new ArrayList<>();
            for (CommunitySnapshotV1 x : newest) {
                if (changed.contains(x.code())) {
                    x.residentGroups().forEach(g -> groups.add(new String[] {x.code(), g.code(), g.name(), null}));
                    x.courtyards().forEach(y -> courtyards.add(new String[] {x.code(), y.code(), y.name(), y.groupCode()}));
                }
            }
            insertUnits(c, "insert into replica_group (community_code, code, name) "
                    + "select c, u, n from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as t(c, u, n, g)", groups);
            insertUnits(c, "insert into replica_courtyard (community_code, code, name, group_code) "
                    + "select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])", courtyards);
            return changed;
        });
    }

    /** Keeps the households whose snapshot is newer than the copy held; returns how many rows changed. */
    public int replaceHouseholds(List<HouseholdSnapshotV1> snapshots) {
        List<HouseholdSnapshotV1> newest = NewestRevision.perKey(snapshots, HouseholdSnapshotV1::recordKey,
                HouseholdSnapshotV1::revision);
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into replica_household (community_code, code, group_code, courtyard_code, active, revision, updated_at)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bool[], ?::int8[],
                        ?::timestamptz[])
                    on conflict (community_code, code) do update set group_code = excluded.group_code,
                        courtyard_code = excluded.courtyard_code, active = excluded.active, revision = excluded.revision,
                        updated_at = excluded.updated_at
                    where replica_household.revision < excluded.revision""")) {
                int n = newest.size();
                String[] community = new String[n], code = new String[n], group = new String[n], courtyard = new String[n],
                        updated = new String[n];
                Boolean[] active = new Boolean[n];
                Long[] revision = new Long[n];
                for (int i = 0; i < n; i++) {
                    HouseholdSnapshotV1 x = newest.get(i);
                    community[i] = x.communityCode();
                    code[i] = x.code();
                    group[i] = x.groupCode();
                    courtyard[i] = x.courtyardCode();
                    active[i] = x.active();
                    revision[i] = x.revision();
                    updated[i] = x.updatedAt() == null ? null : x.updatedAt().toString();
                }
                bind(c, s, community, code, group, courtyard);
                s.setArray(5, c.createArrayOf("bool", active));
                s.setArray(6, c.createArrayOf("int8", revision));
                s.setArray(7, c.createArrayOf("varchar", updated));
                return s.executeUpdate();
            }
        });
    }

    /** Keeps the organisations whose snapshot is newer than the copy held; returns how many rows changed. */
    public int replaceOrganisations(List<OrganisationSnapshotV1> snapshots) {
        List<OrganisationSnapshotV1> newest = NewestRevision.perKey(snapshots, OrganisationSnapshotV1::recordKey,
                OrganisationSnapshotV1::revision);
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into replica_organisation (community_code, code, name, type, registered_on, active, revision, updated_at)
                    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::bool[],
                        ?::int8[], ?::timestamptz[])
                    on conflict (community_code, code) do update set name = excluded.name, type = excluded.type,
                        registered_on = excluded.registered_on, active = excluded.active, revision = excluded.revision,
                        updated_at = excluded.updated_at
                    where replica_organisation.revision < excluded.revision""")) {
                int n = newest.size();
                String[] community = new String[n], code = new String[n], name = new String[n], type = new String[n],
                        registered = new String[n], updated = new String[n];
                Boolean[] active = new Boolean[n];
                Long[] revision = new Long[n];
                for (int i = 0; i < n; i++) {
                    OrganisationSnapshotV1 x = newest.get(i);
                    community[i] = x.communityCode();
                    code[i] = x.code();
                    name[i] = x.name();
                    type[i] = x.type();
                    registered[i] = x.registeredOn().toString();
                    active[i] = x.active();
                    revision[i] = x.revision();
                    updated[i] = x.updatedAt() == null ? null : x.updatedAt().toString();
                }
                bind(c, s, community, code, name, type, registered);
                s.setArray(6, c.createArrayOf("bool", active));
                s.setArray(7, c.createArrayOf("int8", revision));
                s.setArray(8, c.createArrayOf("varchar", updated));
                return s.executeUpdate();
            }
        });
    }

    /** Organisations registered under a code, in any community (codes are unique within a community only). */
    public List<ReplicatedOrganisation> organisationsWithCode(String code) {
        return organisations("where code = ?", code);
    }

    public List<ReplicatedOrganisation> organisationsOf(String communityCode) {
        return organisations("where community_code = ?", communityCode);
    }

    private List<ReplicatedOrganisation> organisations(String where, String parameter) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select code, community_code, name, type, registered_on, active
                    from replica_organisation %s order by community_code, code""".formatted(where))) {
                s.setString(1, parameter);
                List<ReplicatedOrganisation> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ReplicatedOrganisation(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getObject(5, java.time.LocalDate.class), rs.getBoolean(6)));
                    }
                }
                return rows;
            }
        });
    }

    public Optional<ReplicatedCommunity> community(String code) {
        List<ReplicatedCommunity> found = communities("where code = ?", code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every community, ordered by code (an allocation run reads the city's 40,000 at once). */
    public List<ReplicatedCommunity> allCommunities() {
        return communities("");
    }

    public List<ReplicatedCommunity> communitiesOfDistrict(String districtCode) {
        return communities("where district_code = ?", districtCode);
    }

    public long communityCount() {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from replica_community");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<ReplicatedUnit> groups(String communityCode) {
        return units("select community_code, code, name, null from replica_group where community_code = ? order by code",
                communityCode, null);
    }

    public List<ReplicatedUnit> courtyards(String communityCode) {
        return units("select community_code, code, name, group_code from replica_courtyard where community_code = ? order by code",
                communityCode, null);
    }

    public Optional<ReplicatedUnit> group(String communityCode, String groupCode) {
        return units("select community_code, code, name, null from replica_group where community_code = ? and code = ?",
                communityCode, groupCode).stream().findFirst();
    }

    public Optional<ReplicatedUnit> courtyard(String communityCode, String courtyardCode) {
        return units("select community_code, code, name, group_code from replica_courtyard where community_code = ? and code = ?",
                communityCode, courtyardCode).stream().findFirst();
    }

    public boolean householdActive(String communityCode, String householdCode) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select 1 from replica_household where community_code = ? and code = ? and active")) {
                s.setString(1, communityCode);
                s.setString(2, householdCode);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public HouseholdCounts householdCounts(String communityCode) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select count(*), count(*) filter (where active) from replica_household where community_code = ?")) {
                s.setString(1, communityCode);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new HouseholdCounts(communityCode, rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    private List<ReplicatedCommunity> communities(String where, String... parameters) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select code, name, kind, district_code, district_tier, street_code, registered_households, stage, revision
                    from replica_community %s order by code""".formatted(where))) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setString(i + 1, parameters[i]);
                }
                List<ReplicatedCommunity> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ReplicatedCommunity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getLong(9)));
                    }
                }
                return rows;
            }
        });
    }

    private List<ReplicatedUnit> units(String sql, String community, String unit) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, community);
                if (unit != null) {
                    s.setString(2, unit);
                }
                List<ReplicatedUnit> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ReplicatedUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return rows;
            }
        });
    }

    private static void insertUnits(Connection c, String sql, List<String[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int column = 0; column < 4; column++) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    values[i] = rows.get(i)[column];
                }
                s.setArray(column + 1, c.createArrayOf("varchar", values));
            }
            s.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement s, String[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            s.setArray(i + 1, c.createArrayOf("varchar", columns[i]));
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new PersistenceException("registry replica: " + e.getMessage(), e);
        }
    }
}

package city.yingzao.finance.infrastructure;

import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.CommunityKind;
import city.yingzao.finance.domain.DistrictTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The local copy of the registry's communities and households: a snapshot replaces what is held when its revision is higher. */
@ApplicationScoped
public class ReplicaStore {

    @Inject
    Jdbc jdbc;

    public void replaceCommunity(String code, String name, String kind, String districtCode, String districtTier,
            int registeredHouseholds, long revision) {
        jdbc.update("""
                insert into community (code, name, kind, district_code, district_tier, registered_households, revision)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                    district_code = excluded.district_code, district_tier = excluded.district_tier,
                    registered_households = excluded.registered_households, revision = excluded.revision
                where community.revision < excluded.revision""",
                code, name, kind, districtCode, districtTier, registeredHouseholds, revision);
    }

    public void replaceHousehold(String communityCode, String code, boolean active, long revision) {
        jdbc.update("""
                insert into household (community_code, code, active, revision) values (?, ?, ?, ?)
                on conflict (community_code, code) do update set active = excluded.active, revision = excluded.revision
                where household.revision < excluded.revision""",
                communityCode, code, active, revision);
    }

    public Optional<Community> community(String code) {
        return jdbc.one("select * from community where code = ?", ReplicaStore::community, code);
    }

    /** Every community, for an allocation run (40,000 rows of a few columns). */
    public List<Community> allCommunities() {
        return jdbc.list("select * from community order by code", ReplicaStore::community);
    }

    public boolean activeHousehold(String communityCode, String householdCode) {
        return jdbc.one("select active from household where community_code = ? and code = ?",
                rs -> rs.getBoolean(1), communityCode, householdCode).orElse(false);
    }

    static Community community(ResultSet rs) throws SQLException {
        return new Community(rs.getString("code"), rs.getString("name"), CommunityKind.valueOf(rs.getString("kind")),
                rs.getString("district_code"), DistrictTier.valueOf(rs.getString("district_tier")),
                rs.getInt("registered_households"));
    }
}

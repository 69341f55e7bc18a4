package city.yingzao.deliberation.infrastructure;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The local copy of what the registry publishes: communities with their resident groups and
 * courtyards, and households. Snapshots are compacted and may arrive again or out of order, so a
 * snapshot replaces what is held only when its revision is higher.
 */
@ApplicationScoped
public class RegistryReplica {

    @Inject
    EntityManager em;

    /** Keeps the snapshot when it is newer than the copy held; returns whether it was applied. */
    public boolean replace(CommunitySnapshotV1 snapshot) {
        int changed = em.createNativeQuery("""
                insert into community_replica (code, name, district_code, revision) values (:code, :name, :district, :revision)
                on conflict (code) do update set name = excluded.name, district_code = excluded.district_code,
                    revision = excluded.revision
                where community_replica.revision < excluded.revision""")
                .setParameter("code", snapshot.code()).setParameter("name", snapshot.name())
                .setParameter("district", snapshot.districtCode()).setParameter("revision", snapshot.revision())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        em.createNativeQuery("delete from group_replica where community_code = :code").setParameter("code", snapshot.code())
                .executeUpdate();
        em.createNativeQuery("delete from courtyard_replica where community_code = :code").setParameter("code", snapshot.code())
                .executeUpdate();
        for (CommunitySnapshotV1.ResidentGroup g : snapshot.residentGroups()) {
            em.createNativeQuery("insert into group_replica (community_code, code, name) values (:c, :g, :n)")
                    .setParameter("c", snapshot.code()).setParameter("g", g.code()).setParameter("n", g.name()).executeUpdate();
        }
        for (CommunitySnapshotV1.Courtyard y : snapshot.courtyards()) {
            em.createNativeQuery("insert into courtyard_replica (community_code, code, name, group_code) values (:c, :y, :n, :g)")
                    .setParameter("c", snapshot.code()).setParameter("y", y.code()).setParameter("n", y.name())
                    .setParameter("g", y.groupCode()).executeUpdate();
        }
        return true;
    }

    /** Keeps the household snapshot when it is newer than the copy held. */
    public boolean replace(HouseholdSnapshotV1 snapshot) {
        return em.createNativeQuery("""
                insert into household_replica (community_code, code, group_code, courtyard_code, active, revision)
                values (:community, :code, :group, :courtyard, :active, :revision)
                on conflict (community_code, code) do update set group_code = excluded.group_code,
                    courtyard_code = excluded.courtyard_code, active = excluded.active, revision = excluded.revision
                where household_replica.revision < excluded.revision""")
                .setParameter("community", snapshot.communityCode()).setParameter("code", snapshot.code())
                .setParameter("group", snapshot.groupCode()).setParameter("courtyard", snapshot.courtyardCode())
                .setParameter("active", snapshot.active()).setParameter("revision", snapshot.revision())
                .executeUpdate() > 0;
    }

    public boolean communityKnown(String code) {
        return exists("select 1 from community_replica where code = :c", code, null);
    }

    /** The district of a known community. */
    public Optional<String> districtOf(String code) {
        List<?> rows = em.createNativeQuery("select district_code from community_replica where code = :c")
                .setParameter("c", code).getResultList();
        return rows.stream().map(Object::toString).findFirst();
    }

    public List<String> groupCodes(String communityCode) {
        return em.createNativeQuery("select code from group_replica where community_code = :c order by code", String.class)
                .setParameter("c", communityCode).getResultList().stream().map(Object::toString).toList();
    }

    public boolean groupKnown(String communityCode, String groupCode) {
        return exists("select 1 from group_replica where community_code = :c and code = :u", communityCode, groupCode);
    }

    public boolean courtyardKnown(String communityCode, String courtyardCode) {
        return exists("select 1 from courtyard_replica where community_code = :c and code = :u", communityCode, courtyardCode);
    }

    /** The resident group of a known courtyard, when the courtyard lies within one. */
    public Optional<String> groupOfCourtyard(String communityCode, String courtyardCode) {
        List<?> rows = em.createNativeQuery("select group_code from courtyard_replica where community_code = :c and code = :u")
                .setParameter("c", communityCode).setParameter("u", courtyardCode).getResultList();
        return rows.stream().filter(Objects::nonNull).map(Object::toString).findFirst();
    }

    /** Whether the household is registered in the community and has not moved out. */
    public boolean householdActive(String communityCode, String householdCode) {
        return exists("select 1 from household_replica where community_code = :c and code = :u and active",
                communityCode, householdCode);
    }

    private boolean exists(String sql, String community, String unit) {
        var query = em.createNativeQuery(sql).setParameter("c", community);
        if (unit != null) {
            query.setParameter("u", unit);
        }
        return !query.setMaxResults(1).getResultList().isEmpty();
    }
}

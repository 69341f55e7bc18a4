package city.yingzao.registry.infrastructure;

import city.yingzao.registry.domain.CommunityKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<CommunityEntity, String> {

    /**
     * The community, locked until the transaction ends: every change below a community raises its
     * revision, and two concurrent changes must not publish two different snapshots with one revision.
     */
    public Optional<CommunityEntity> findForUpdate(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }

    public Map<String, CommunityEntity> byCodes(Collection<String> codes) {
        Map<String, CommunityEntity> found = new HashMap<>();
        for (var chunk : Chunks.of(codes)) {
            list("code in ?1", chunk).forEach(c -> found.put(c.code, c));
        }
        return found;
    }

    public Set<String> existingCodes(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        for (var chunk : Chunks.of(codes)) {
            found.addAll(getEntityManager()
                    .createQuery("select c.code from CommunityEntity c where c.code in :codes", String.class)
                    .setParameter("codes", chunk).getResultList());
        }
        return found;
    }

    /** Communities matching every given criterion (null = any); {@code text} is a code prefix or part of the name. */
    public PanacheQuery<CommunityEntity> search(String district, String street, CommunityKind kind, Integer stage,
            String text, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (district != null) {
            where.add("districtCode = :district");
            params.and("district", district);
        }
        if (street != null) {
            where.add("streetCode = :street");
            params.and("street", street);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (stage != null) {
            where.add("stage = :stage");
            params.and("stage", stage);
        }
        if (text != null) {
            // code prefix (index community_code_prefix) or name contains (trigram index community_name_search)
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add("(code like :prefix escape '\\' or lower(name) like :contains escape '\\')");
            params.and("prefix", escaped + "%").and("contains", "%" + escaped.toLowerCase() + "%");
        }
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }

    /** Communities per stage step, city-wide (district null) or in one district. */
    public Map<Integer, Long> countByStage(String district) {
        var query = getEntityManager().createQuery(
                "select c.stage, count(c) from CommunityEntity c"
                        + (district == null ? "" : " where c.districtCode = :district")
                        + " group by c.stage", Object[].class);
        if (district != null) {
            query.setParameter("district", district);
        }
        Map<Integer, Long> counts = new HashMap<>();
        query.getResultList().forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** Communities per district and stage, for the districts named: one GROUP BY however many districts. */
    public Map<String, Map<Integer, Long>> countByDistrictAndStage(Collection<String> districts) {
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        if (districts.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("select c.districtCode, c.stage, count(c) from CommunityEntity c"
                        + " where c.districtCode in :districts group by c.districtCode, c.stage", Object[].class)
                .setParameter("districts", districts).getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], d -> new HashMap<>())
                        .put(((Number) row[1]).intValue(), ((Number) row[2]).longValue()));
        return counts;
    }
}

package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<HouseholdEntity, MemberId> {

    public PanacheQuery<HouseholdEntity> ofCommunity(String communityCode, Sort sort) {
        return find("communityCode", sort, communityCode);
    }

    /** Which of these household codes the community already has. */
    public Set<String> existingCodes(String communityCode, Collection<String> codes) {
        Set<String> found = new HashSet<>();
        for (var chunk : Chunks.of(codes)) {
            found.addAll(getEntityManager().createQuery(
                            "select h.code from HouseholdEntity h where h.communityCode = :community and h.code in :codes",
                            String.class)
                    .setParameter("community", communityCode).setParameter("codes", chunk).getResultList());
        }
        return found;
    }
}

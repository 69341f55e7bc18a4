package city.yingzao.registry.infrastructure;

import city.yingzao.registry.domain.OrganisationType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<OrganisationEntity, MemberId> {

    public List<OrganisationEntity> ofCommunity(String communityCode) {
        return list("communityCode", Sort.by("code"), communityCode);
    }

    public List<OrganisationType> typesOf(String communityCode) {
        return getEntityManager().createQuery(
                        "select o.type from OrganisationEntity o where o.communityCode = :community", OrganisationType.class)
                .setParameter("community", communityCode).getResultList();
    }
}

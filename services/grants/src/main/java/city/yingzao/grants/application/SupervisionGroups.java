package city.yingzao.grants.application;

import city.yingzao.grants.domain.PivotCategory;
import city.yingzao.grants.infrastructure.ReviewStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** G5: the city's expert team split into supervision groups by region and category; members join a group through their pool entry. */
@ApplicationScoped
public class SupervisionGroups {

    @Inject
    ReviewStore store;

    /** A created group. */
    public record Group(String id, String name, String districtCode, PivotCategory pivotCategory) {
    }

    @Transactional
    public Group create(String name, String districtCode, PivotCategory category) {
        String id = UUID.randomUUID().toString();
        store.createGroup(id, name.trim(), districtCode, category == null ? null : category.name());
        return new Group(id, name.trim(), districtCode, category);
    }
}

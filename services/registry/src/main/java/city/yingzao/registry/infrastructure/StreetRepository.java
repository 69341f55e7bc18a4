package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class StreetRepository implements PanacheRepositoryBase<StreetEntity, String> {

    public PanacheQuery<StreetEntity> inDistrict(String districtCode, Sort sort) {
        return districtCode == null ? findAll(sort) : find("districtCode", sort, districtCode);
    }

    /** The streets of these codes, by code; unknown codes are simply absent. */
    public Map<String, StreetEntity> byCodes(Collection<String> codes) {
        Map<String, StreetEntity> found = new HashMap<>();
        for (var chunk : Chunks.of(codes)) {
            list("code in ?1", chunk).forEach(s -> found.put(s.code, s));
        }
        return found;
    }
}

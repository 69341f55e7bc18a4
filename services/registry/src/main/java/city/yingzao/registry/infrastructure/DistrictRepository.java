package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class DistrictRepository implements PanacheRepositoryBase<DistrictEntity, String> {

    /** The districts of these codes, by code; unknown codes are simply absent. */
    public Map<String, DistrictEntity> byCodes(Collection<String> codes) {
        Map<String, DistrictEntity> found = new HashMap<>();
        for (var chunk : Chunks.of(codes)) {
            list("code in ?1", chunk).forEach(d -> found.put(d.code, d));
        }
        return found;
    }
}

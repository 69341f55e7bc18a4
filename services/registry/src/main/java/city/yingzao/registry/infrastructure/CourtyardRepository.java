package city.yingzao.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class CourtyardRepository implements PanacheRepositoryBase<CourtyardEntity, MemberId> {

    public List<CourtyardEntity> ofCommunity(String communityCode) {
        return list("communityCode", Sort.by("code"), communityCode);
    }

    public Map<String, Set<String>> codesByCommunity(Collection<String> communityCodes) {
        Map<String, Set<String>> found = new HashMap<>();
        for (var chunk : Chunks.of(communityCodes)) {
            list("communityCode in ?1", chunk)
                    .forEach(y -> found.computeIfAbsent(y.communityCode, c -> new HashSet<>()).add(y.code));
        }
        return found;
    }
}

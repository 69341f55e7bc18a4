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
public class ResidentGroupRepository implements PanacheRepositoryBase<ResidentGroupEntity, MemberId> {

    public List<ResidentGroupEntity> ofCommunity(String communityCode) {
        return list("communityCode", Sort.by("code"), communityCode);
    }

    /** Group codes per community, for validating a whole import file with one query per thousand communities. */
    public Map<String, Set<String>> codesByCommunity(Collection<String> communityCodes) {
        Map<String, Set<String>> found = new HashMap<>();
        for (var chunk : Chunks.of(communityCodes)) {
            list("communityCode in ?1", chunk)
                    .forEach(g -> found.computeIfAbsent(g.communityCode, c -> new HashSet<>()).add(g.code));
        }
        return found;
    }
}

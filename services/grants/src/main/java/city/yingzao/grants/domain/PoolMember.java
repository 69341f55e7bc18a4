package city.yingzao.grants.domain;

import java.time.Instant;
import java.util.Set;

/** A pool member: who, in which pool, and the facts conflicts and G5 checks read. */
public record PoolMember(String personId, String pool, String displayName, Set<String> organisations, Set<String> communities,
                     String districtCode, Set<String> pastOrganisations, String supervisionGroupId, String addedBy, Instant addedAt) {
    public Reviewer reviewer() {
        return new Reviewer(personId, organisations, communities, districtCode, pastOrganisations);
    }
}

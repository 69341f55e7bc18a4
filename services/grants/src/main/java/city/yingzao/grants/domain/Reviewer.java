package city.yingzao.grants.domain;

import java.util.Set;

/**
 * A member of the reviewer pool with what conflicts are computed from (G3): the organisations and
 * communities of their token when they joined (or as an operator entered them), their district, and
 * organisations they belonged to before.
 */
public record Reviewer(String personId, Set<String> organisations, Set<String> staffOfCommunities, String districtCode,
                       Set<String> pastOrganisations) {

    public Reviewer {
        organisations = Set.copyOf(organisations);
        staffOfCommunities = Set.copyOf(staffOfCommunities);
        pastOrganisations = Set.copyOf(pastOrganisations);
    }
}

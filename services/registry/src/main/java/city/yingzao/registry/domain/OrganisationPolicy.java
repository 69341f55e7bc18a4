package city.yingzao.registry.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Collection;
import java.util.Optional;

/**
 * P4: a community has one party organisation 党组织 and one self-governance committee 居委会/村委会;
 * social organisations, self-organisations, social enterprises and foundations may be many.
 */
public final class OrganisationPolicy {

    public static final String RULE = "P4";

    private OrganisationPolicy() {
    }

    /**
     * @param communityCode the community registering the organisation
     * @param type          the type of the new organisation
     * @param existing      the types of the organisations the community already has
     */
    public static Optional<Rejection> mayRegister(String communityCode, OrganisationType type, Collection<OrganisationType> existing) {
        if (type.isUniquePerCommunity() && existing.contains(type)) {
            return Optional.of(new Rejection(RULE, "community " + communityCode + " already has a "
                    + describe(type) + "; a community has at most one"));
        }
        return Optional.empty();
    }

    private static String describe(OrganisationType type) {
        return type == OrganisationType.PARTY_ORGANISATION ? "party organisation 党组织" : "committee 居委会/村委会";
    }
}

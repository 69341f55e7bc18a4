package city.yingzao.registry.application;

import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.infrastructure.CommunityEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scope half of every write (the role half is {@code @RolesAllowed} on the resource): the city
 * operator acts everywhere, a district operator in the district of their token, community staff in
 * the communities of their token.
 */
@ApplicationScoped
public class Scope {

    @Inject
    Caller caller;

    /** Streets and communities: the city, or the operator of their district. */
    public void requireDistrict(String districtCode, String what) {
        caller.require(inDistrict(districtCode), what);
    }

    /** What lives inside a community (groups, courtyards, households, organisations), and its households list. */
    public void requireCommunity(CommunityEntity community, String what) {
        caller.require(inCommunity(community), what);
    }

    public boolean inDistrict(String districtCode) {
        return caller.has(Roles.CITY_OPERATOR)
                || (caller.has(Roles.DISTRICT_OPERATOR) && caller.inDistrict(districtCode));
    }

    public boolean inCommunity(CommunityEntity community) {
        return inDistrict(community.districtCode)
                || (caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(community.code));
    }
}

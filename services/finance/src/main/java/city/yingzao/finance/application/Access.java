package city.yingzao.finance.application;

import city.yingzao.finance.domain.Community;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The scope half of every call (the role half is {@code @RolesAllowed} on the resource):
 * the city operator and the auditor read everything, a district operator reads their district,
 * community staff act for the communities of their token, a resident votes for their own household.
 */
@ApplicationScoped
public class Access {

    @Inject
    Caller caller;

    public String who() {
        return caller.name();
    }

    /** Non-public reads of a district (allocations): city operator, auditor, or that district's operator. */
    public void requireReadDistrict(String districtCode) {
        caller.require(caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR)
                || (caller.has(Roles.DISTRICT_OPERATOR) && districtCode != null && caller.inDistrict(districtCode)),
                "district " + (districtCode == null ? "(all)" : districtCode));
    }

    /** A district operator reads only their district: the one they may name, or theirs by default. */
    public String defaultDistrict(String requested) {
        if (requested == null && caller.has(Roles.DISTRICT_OPERATOR) && !caller.hasAny(Roles.CITY_OPERATOR, Roles.AUDITOR)) {
            return caller.district().orElse(null);
        }
        return requested;
    }

    /** Projects, paper ballots, rounds, micro-fund movements: staff of that community. */
    public void requireStaffOf(Community community) {
        caller.require(staffOf(community), "community " + community.code());
    }

    public boolean staffOf(Community community) {
        return caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(community.code());
    }

    /**
     * D10: the supervisory board 监事会/监督小组 of the community, the {@code supervisor} role with the
     * community in its claim. Staff execute and pay; they never give the oversight notes themselves.
     */
    public boolean supervisorOf(Community community) {
        return caller.has(Roles.SUPERVISOR) && caller.inCommunity(community.code());
    }

    /** Online ballots: a resident of that community whose token names a household. */
    public String requireOwnHousehold(String communityCode) {
        caller.require(caller.has(Roles.RESIDENT) && caller.inCommunity(communityCode) && caller.household().isPresent(),
                "the households of community " + communityCode);
        return caller.household().orElseThrow();
    }
}

package city.yingzao.deliberation.application;

import city.yingzao.deliberation.infrastructure.SeatRepository;
import city.yingzao.deliberation.infrastructure.CouncilEntity;
import city.yingzao.deliberation.infrastructure.SeatEntity;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The scope half of every action (the role half is {@code @RolesAllowed} on the resource).
 * Community staff and party reviewers act only in the communities of their token; the city
 * operator may do staff actions everywhere; a council member acts only in a council where they
 * hold a seat (seat person id = token principal); residents act only in their own community.
 */
@RequestScoped
public class Access {

    @Inject
    SeatRepository seatRepository;

    @Inject
    Caller caller;

    public String person() {
        return caller.name();
    }

    public boolean isCityOperator() {
        return caller.has(Roles.CITY_OPERATOR);
    }

    /** Staff of the community, or the city operator. */
    public boolean staffOf(String communityCode) {
        return isCityOperator() || (caller.has(Roles.COMMUNITY_STAFF) && caller.inCommunity(communityCode));
    }

    public void requireStaff(String communityCode) {
        caller.require(staffOf(communityCode), "community " + communityCode);
    }

    public boolean reviewerOf(String communityCode) {
        return caller.has(Roles.PARTY_REVIEWER) && caller.inCommunity(communityCode);
    }

    public void requireReviewer(String communityCode) {
        caller.require(reviewerOf(communityCode), "community " + communityCode);
    }

    public boolean residentOf(String communityCode) {
        return caller.has(Roles.RESIDENT) && caller.inCommunity(communityCode);
    }

    /** The communities of the caller's token. */
    public Set<String> communities() {
        return caller.communities();
    }

    public Optional<String> household() {
        return caller.household();
    }

    /** Whether the caller holds a seat on the council (a council member acts only in their council). */
    public boolean seatOn(UUID councilId) {
        return caller.has(Roles.COUNCIL_MEMBER) && seatRepository.count("councilId = ?1 and personId = ?2 and vacatedAt is null",
                councilId, caller.name()) > 0;
    }

    public void requireSeat(CouncilEntity council) {
        caller.require(seatOn(council.id), "council " + council.id);
    }

    /** Reads inside a community: its staff, reviewers, residents and members, and the city operator. */
    public boolean readerOf(String communityCode) {
        return isCityOperator() || caller.has(Roles.AUDITOR) || caller.inCommunity(communityCode);
    }

    public void requireReader(String communityCode) {
        caller.require(readerOf(communityCode), "community " + communityCode);
    }

    public void require(boolean allowed, String what) {
        caller.require(allowed, what);
    }
}

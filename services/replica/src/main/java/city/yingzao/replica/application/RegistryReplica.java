package city.yingzao.replica.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.replica.domain.HouseholdCounts;
import city.yingzao.replica.domain.ReplicatedCommunity;
import city.yingzao.replica.domain.ReplicatedOrganisation;
import city.yingzao.replica.domain.ReplicatedUnit;
import city.yingzao.replica.infrastructure.ReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * What every service asks of the registry, answered from its own copy (kept from the registry's
 * events, never by calling the registry): communities with their tier and kind, their resident
 * groups and courtyards, and which households live there.
 */
@ApplicationScoped
public class RegistryReplica {

    @Inject
    ReplicaRepository repository;

    public Optional<ReplicatedCommunity> community(String code) {
        return repository.community(code);
    }

    /** The community, or 404 when the registry never announced it. */
    public ReplicatedCommunity requireCommunity(String code) {
        return community(code).orElseThrow(() -> Problems.notFound("community", code));
    }

    public boolean communityKnown(String code) {
        return community(code).isPresent();
    }

    public Optional<String> districtOf(String code) {
        return community(code).map(ReplicatedCommunity::districtCode);
    }

    /** Every community, ordered by code. */
    public List<ReplicatedCommunity> communities() {
        return repository.allCommunities();
    }

    public List<ReplicatedCommunity> communitiesOfDistrict(String districtCode) {
        return repository.communitiesOfDistrict(districtCode);
    }

    public long communityCount() {
        return repository.communityCount();
    }

    /** Resident groups 居民小组 of a community, ordered by code. */
    public List<ReplicatedUnit> groups(String communityCode) {
        return repository.groups(communityCode);
    }

    public List<String> groupCodes(String communityCode) {
        return groups(communityCode).stream().map(ReplicatedUnit::code).toList();
    }

    public boolean groupKnown(String communityCode, String groupCode) {
        return repository.group(communityCode, groupCode).isPresent();
    }

    /** Courtyards 院落 of a community, ordered by code. */
    public List<ReplicatedUnit> courtyards(String communityCode) {
        return repository.courtyards(communityCode);
    }

    public boolean courtyardKnown(String communityCode, String courtyardCode) {
        return repository.courtyard(communityCode, courtyardCode).isPresent();
    }

    /** The resident group a courtyard lies in, when it lies within one. */
    public Optional<String> groupOfCourtyard(String communityCode, String courtyardCode) {
        return repository.courtyard(communityCode, courtyardCode).map(ReplicatedUnit::groupCode);
    }

    /** Whether the household is registered in the community and has not moved out. */
    public boolean householdActive(String communityCode, String householdCode) {
        return repository.householdActive(communityCode, householdCode);
    }

    public HouseholdCounts householdCounts(String communityCode) {
        return repository.householdCounts(communityCode);
    }

    /**
     * Organisations registered under a code (P4): what an agency user's {@code org} claim names. Codes
     * are unique within a community, so more than one may answer; an empty list when the registry
     * never announced it.
     */
    public List<ReplicatedOrganisation> organisationsWithCode(String code) {
        return repository.organisationsWithCode(code);
    }

    /** A community's organisations, ordered by code. */
    public List<ReplicatedOrganisation> organisationsOf(String communityCode) {
        return repository.organisationsOf(communityCode);
    }
}

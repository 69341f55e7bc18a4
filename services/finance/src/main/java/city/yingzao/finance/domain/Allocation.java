package city.yingzao.finance.domain;

import java.time.Instant;

/**
 * A community's allocation for a fund year (F2-F4), credited to its dedicated account by ledger entry
 * {@code entryId}; {@code registeredHouseholds} is the count it used, from {@code householdSource} (F3:
 * a declared count, then {@code householdDeclaration} is its number, or the registry's).
 */
public record Allocation(String id, String communityCode, int fundYear, CommunityKind communityKind, String districtCode,
                         DistrictTier districtTier, int registeredHouseholds, AllocationPolicy.Basis basis, long totalFen,
                         long cityShareFen, long districtShareFen, long policyRevision, Instant allocatedAt,
                         String entryId, HouseholdCount.Source householdSource, Long householdDeclaration) {
}

package city.yingzao.contracts.finance;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * A community's annual public-service fund allocation (F2-F4), credited to its dedicated account
 * (F1). Published once per community and fund year on {@code finance.allocations}, key =
 * {@code communityCode:fundYear}. Amounts are integer fen.
 *
 * @param allocationId         id of the allocation
 * @param communityCode        the community credited
 * @param fundYear             fund year
 * @param communityKind        {@code URBAN} or {@code RURAL}
 * @param districtTier         {@code MAIN_URBAN}, {@code NEAR_SUBURB} or {@code FAR_SUBURB} (F4)
 * @param registeredHouseholds households counted (F3), as replicated from the registry
 * @param basis                {@code URBAN_PER_100_HOUSEHOLDS} (F3) or {@code RURAL_FLOOR} (F2)
 * @param totalFen             the whole allocation
 * @param cityShareFen         the city's share (F4)
 * @param districtShareFen     the district's or county's share (F4); city + district = total
 * @param policyRevision       revision of the fund policy the amounts were computed with
 * @param allocatedAt          when it was credited
 */
public record AllocationMadeV1(
        String allocationId,
        String communityCode,
        int fundYear,
        String communityKind,
        String districtTier,
        int registeredHouseholds,
        String basis,
        long totalFen,
        long cityShareFen,
        long districtShareFen,
        long policyRevision,
        Instant allocatedAt) implements IntegrationEvent {

    @Override
    public String recordKey() {
        return communityCode + ":" + fundYear;
    }
}

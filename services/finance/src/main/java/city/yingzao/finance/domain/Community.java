package city.yingzao.finance.domain;

/** A community as replicated from the registry: what the allocation (F2-F4) and the disclosure need. */
public record Community(String code, String name, CommunityKind kind, String districtCode, DistrictTier districtTier,
                        int registeredHouseholds) {
}

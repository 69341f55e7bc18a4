package city.yingzao.replica.domain;

/**
 * A community 社区/村 as the registry last announced it.
 *
 * @param kind                 {@code URBAN} or {@code RURAL} (P1)
 * @param districtTier         {@code MAIN_URBAN}, {@code NEAR_SUBURB} or {@code FAR_SUBURB} (P1, F4)
 * @param registeredHouseholds the registry's count of registered households (F3)
 * @param stage                community-building stage 1-6 (P2)
 */
public record ReplicatedCommunity(String code, String name, String kind, String districtCode, String districtTier,
        String streetCode, int registeredHouseholds, int stage, long revision) {
}

package city.yingzao.contracts.registry;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * The full current state of one community 社区/村, published on every change to the compacted
 * topic {@code registry.communities} (key = community code). Consumers keep their local copy by
 * replacing what they hold with the latest snapshot whose {@code revision} is higher.
 *
 * @param code                 community code, unique city-wide
 * @param name                 community name
 * @param kind                 {@code URBAN} or {@code RURAL} (P1)
 * @param districtCode         district 区/市/县
 * @param districtTier         {@code MAIN_URBAN}, {@code NEAR_SUBURB} or {@code FAR_SUBURB} (P1, F4)
 * @param streetCode           street or township 街道/乡镇
 * @param registeredHouseholds registered households (F3)
 * @param stage                community-building stage 1-6 (P2)
 * @param residentGroups       resident groups 居民小组
 * @param courtyards           courtyards 院落/小区
 * @param revision             increases with every change of this community
 * @param updatedAt            when this revision was made
 */
public record CommunitySnapshotV1(
        String code,
        String name,
        String kind,
        String districtCode,
        String districtTier,
        String streetCode,
        int registeredHouseholds,
        int stage,
        List<ResidentGroup> residentGroups,
        List<Courtyard> courtyards,
        long revision,
        Instant updatedAt) implements IntegrationEvent {

    public CommunitySnapshotV1 {
        residentGroups = List.copyOf(residentGroups);
        courtyards = List.copyOf(courtyards);
    }

    @Override
    public String communityCode() {
        return code;
    }

    /** Resident group 居民小组. */
    public record ResidentGroup(String code, String name) {
    }

    /** Courtyard 院落/小区; {@code groupCode} may be null when the courtyard spans groups. */
    public record Courtyard(String code, String name, String groupCode) {
    }
}

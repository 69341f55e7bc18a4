package city.yingzao.registry.application;

import city.yingzao.registry.domain.CommunityKind;
import city.yingzao.registry.domain.DistrictTier;
import city.yingzao.registry.domain.OrganisationType;

import java.time.Instant;
import java.util.List;

/** What the use cases answer: plain records, never entities, so the API cannot reach persistence. */
public final class Views {

    private Views() {
    }

    /** District 区/市/县. */
    public record DistrictView(String code, String name, DistrictTier tier) {
    }

    /** Street or township 街道/乡镇. */
    public record StreetView(String code, String name, String districtCode) {
    }

    /** A community in a list, with the district it lies in. */
    public record CommunityView(String code, String name, CommunityKind kind, String streetCode, String districtCode,
            DistrictTier districtTier, int registeredHouseholds, int stage, long revision, Instant updatedAt) {
    }

    /** A community with its resident groups and courtyards. */
    public record CommunityDetailView(String code, String name, CommunityKind kind, String streetCode, String districtCode,
            DistrictTier districtTier, int registeredHouseholds, int stage, long revision, Instant updatedAt,
            List<GroupView> groups, List<CourtyardView> courtyards) {
    }

    /** What anyone may know of a community: no counts, no revision. */
    public record PublicCommunityView(String code, String name, CommunityKind kind, String districtCode,
            String districtName, String streetCode, int stage) {
    }

    /** Resident group 居民小组. */
    public record GroupView(String communityCode, String code, String name) {
    }

    /** Courtyard 院落/小区. */
    public record CourtyardView(String communityCode, String code, String name, String groupCode) {
    }

    /** Registered household 户. */
    public record HouseholdView(String communityCode, String code, String groupCode, String courtyardCode,
            boolean active, long revision) {
    }

    /** Organisation of a community (P4). */
    public record OrganisationView(String communityCode, String code, String name, OrganisationType type,
                                   java.time.LocalDate registeredOn, long revision) {
    }

    /** How many rows an all-or-nothing import wrote. */
    public record ImportResult(int imported) {
    }
}

package city.yingzao.training.domain;

import java.time.Instant;

/**
 * T4: a community's public profile on the map, with the registry replica's name, district and stage
 * of the six-step path; coordinates are the profile's own.
 */
public record CommunityProfile(String communityCode, String name, String districtCode, int stage, String history, String culture,
                               String specialities, String resources, String pivotCategory, Double latitude, Double longitude,
                               Instant updatedAt) {
}

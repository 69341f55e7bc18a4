package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * T4: a community's page on the community-building map 社区营造地图. Coordinates are the profile's own
 * (the registry replica holds none): optional, WGS84, and a point on the map only when both are set.
 */
public final class MapProfile {

    private MapProfile() {
    }

    public static Optional<Rejection> coordinatesRefusal(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            return Optional.of(new Rejection("T4", "latitude and longitude are set together or not at all"));
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180
                || latitude.isNaN() || longitude.isNaN())) {
            return Optional.of(new Rejection("T4", "coordinates out of range"));
        }
        return Optional.empty();
    }
}

package city.yingzao.portal.domain;

/** What the registry shows the public. */
public final class Registry {

    private Registry() {
    }

    /** A community as the public list shows it (registry {@code PublicCommunityView}); stage 0-4 of community building. */
    public record Community(String code, String name, String kind, String districtCode, String districtName, String streetCode,
                            int stage) {
    }
}

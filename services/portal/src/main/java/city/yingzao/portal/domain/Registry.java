package city.yingzao.portal.domain;

/** What the registry shows the public. */
public final class Registry {

    private Registry() {
    }

    /** A community as the public list shows it (registry {@code PublicCommunityView}); stage 0-4 of community building. */
    public record Community(String code, String name, String kind, String districtCode, String districtName, String streetCode,
                            int stage) {
    }

    // --- portal-city: what operators see ---

    /** A district of the city; tier MAIN_URBAN, NEAR_SUBURB or FAR_SUBURB (who pays, F4). */
    public record District(String code, String name, String tier) {
    }

    /** A district and its coverage (registry {@code GET /api/coverage/districts}). */
    public record DistrictCoverage(District district, Coverage coverage) {
    }

    /** A community as an operator's list shows it (registry {@code CommunityView}). */
    public record CommunityRow(String code, String name, String kind, String streetCode, String districtCode, String districtTier,
                               int registeredHouseholds, int stage) {
    }

    /**
     * P2: how many communities of a district (or the city) run a community-building action, against the target;
     * {@code byStage} counts communities per stage.
     */
    public record Coverage(String district, long communities, long running, double share, double target, boolean meetsTarget,
                           int runningFromStage, java.util.Map<String, Long> byStage, String summary) {

        public int sharePercent() {
            return (int) Math.round(share * 100);
        }

        public int targetPercent() {
            return (int) Math.round(target * 100);
        }

        /** Communities per stage, in stage order. */
        public java.util.List<StageCount> stages() {
            java.util.List<StageCount> out = new java.util.ArrayList<>();
            if (byStage != null) {
                byStage.forEach((k, v) -> {
                    if (k.matches("\\d{1,2}")) {
                        out.add(new StageCount(Integer.parseInt(k), v));
                    }
                });
            }
            out.sort(java.util.Comparator.comparingInt(StageCount::stage));
            return out;
        }

        public long atStage(int stage) {
            return byStage == null ? 0 : byStage.getOrDefault(String.valueOf(stage), 0L);
        }
    }

    public record StageCount(int stage, long communities) {
    }
}

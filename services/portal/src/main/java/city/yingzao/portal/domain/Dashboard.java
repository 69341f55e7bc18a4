package city.yingzao.portal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's view of community building across the city (or their district): per district the coverage of community
 * building (P2, registry) beside the year's allocations and who pays them (F2-F4, finance). Each figure also a table row.
 */
public final class Dashboard {

    private Dashboard() {
    }

    /** One district's line: its coverage and its allocations of the year (null when finance has none yet). */
    public record DistrictLine(Registry.District district, Registry.Coverage coverage, Finance.DistrictTotals allocations) {

        public long allocated() {
            return allocations == null ? 0 : allocations.communities();
        }

        public long totalFen() {
            return allocations == null ? 0 : allocations.totalFen();
        }

        public long cityShareFen() {
            return allocations == null ? 0 : allocations.cityShareFen();
        }

        public long districtShareFen() {
            return allocations == null ? 0 : allocations.districtShareFen();
        }
    }

    /** The lines of a page of districts: each district's coverage beside its allocations, if finance has any. */
    public static List<DistrictLine> lines(List<Registry.DistrictCoverage> districts, List<Finance.DistrictTotals> allocations) {
        Map<String, Finance.DistrictTotals> byDistrict = new LinkedHashMap<>();
        allocations.forEach(a -> byDistrict.put(a.district(), a));
        return districts.stream().map(d -> new DistrictLine(d.district(), d.coverage(), byDistrict.get(d.district().code()))).toList();
    }

    /** One community's line of a district's page: the registry's row and its allocation of the year, if made. */
    public record CommunityLine(Registry.CommunityRow community, Finance.Allocation allocation) {
    }

    /** A category's money in a community: the budgets and what was paid, over its projects. */
    public record CategoryUse(String category, int projects, long budgetFen, long paidFen) {
    }

    public static List<CategoryUse> useByCategory(List<Finance.Project> projects) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Finance.Project p : projects) {
            if (p.endedAs() != null && !p.endedAs().isBlank()) {
                continue;
            }
            long[] s = sums.computeIfAbsent(p.category(), c -> new long[3]);
            s[0]++;
            s[1] += p.budgetFen();
            s[2] += p.paidFen();
        }
        List<CategoryUse> out = new ArrayList<>();
        sums.forEach((c, s) -> out.add(new CategoryUse(c, (int) s[0], s[1], s[2])));
        return out;
    }

    /**
     * The "after" cursor of finance's allocation pages that starts at {@code code} itself: the string just before it among
     * registry codes ([A-Za-z0-9_-]), so a registry page and the allocations of the same communities line up.
     */
    public static String cursorBefore(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) (last - 1);
    }

    /** The lines of a registry page with each community's allocation, matched by code. */
    public static List<CommunityLine> join(List<Registry.CommunityRow> communities, List<Finance.Allocation> allocations) {
        Map<String, Finance.Allocation> byCode = new LinkedHashMap<>();
        if (allocations != null) {
            allocations.forEach(a -> byCode.put(a.communityCode(), a));
        }
        return communities.stream().map(c -> new CommunityLine(c, byCode.get(c.code()))).toList();
    }

    // --- chart options for the <yz-chart> island (ECharts), built here so the page and its table show the same numbers ---

    /** A bar chart: one bar per category for each named series; {@code stack} stacks the series. */
    public static Map<String, Object> bars(List<String> categories, Map<String, List<? extends Number>> series, boolean stack,
            String unit) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 8, "right", 8, "bottom", 8, "top", 32, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisLabel", Map.of("interval", 0, "rotate", categories.size() > 6 ? 30 : 0)));
        option.put("yAxis", Map.of("type", "value", "name", unit == null ? "" : unit));
        List<Map<String, Object>> s = new ArrayList<>();
        series.forEach((name, data) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", name);
            one.put("type", "bar");
            one.put("data", data);
            if (stack) {
                one.put("stack", "total");
            }
            s.add(one);
        });
        option.put("series", s);
        return option;
    }

    /** A pie chart of named counts. */
    public static Map<String, Object> pie(Map<String, ? extends Number> slices) {
        List<Map<String, Object>> data = new ArrayList<>();
        slices.forEach((name, value) -> data.add(Map.of("name", name, "value", value)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("bottom", 0));
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "data", data)));
        return option;
    }

    /** Fen as yuan for a chart axis (whole yuan; the table beside it has the fen exactly). */
    public static long yuanWhole(long fen) {
        return Math.round(fen / 100.0);
    }
}

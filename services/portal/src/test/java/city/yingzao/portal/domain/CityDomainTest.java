package city.yingzao.portal.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small calculations of the operator, staff and household pages. */
class CityDomainTest {

    @Test
    @DisplayName("a district page's allocations start at its first community: the cursor is just before that code")
    void cursorBeforeLinesUpWithTheRegistryPage() {
        List<String> codes = List.of("510104021000", "510104021009", "510104021010", "510104021011", "51010402101A");
        for (int i = 0; i < codes.size(); i++) {
            String after = Dashboard.cursorBefore(codes.get(i));
            List<String> following = codes.stream().filter(c -> c.compareTo(after) > 0).toList();
            assertThat(following).as("after %s", after).isEqualTo(codes.subList(i, codes.size()));
        }
        assertThat(Dashboard.cursorBefore(null)).isNull();
    }

    @Test
    @DisplayName("a community without an allocation is shown as such, the others matched by code")
    void joinMatchesByCode() {
        var a = new Registry.CommunityRow("A1", "甲", "URBAN", "S", "D", "MAIN_URBAN", 100, 2);
        var b = new Registry.CommunityRow("B1", "乙", "RURAL", "S", "D", "MAIN_URBAN", 50, 1);
        var allocation = new Finance.Allocation("x", "B1", 2026, "RURAL", "D", "MAIN_URBAN", 50, "RURAL_FLOOR", 40000000L, 0L,
                40000000L, 1L, null, "e");
        var lines = Dashboard.join(List.of(a, b), List.of(allocation));
        assertThat(lines.get(0).allocation()).isNull();
        assertThat(lines.get(1).allocation()).isSameAs(allocation);
    }

    @Test
    @DisplayName("a dashboard line joins a district's coverage to its allocations by code; a district finance has none for shows zero")
    void districtLinesMatchByCode() {
        var coverage = new Registry.Coverage("D1", 4, 3, 0.75, 0.9, false, 2, java.util.Map.of(), "P2");
        var d1 = new Registry.DistrictCoverage(new Registry.District("D1", "一区", "MAIN_URBAN"), coverage);
        var d2 = new Registry.DistrictCoverage(new Registry.District("D2", "二区", "FAR_SUBURB"), coverage);
        var allocated = new Finance.DistrictTotals("D2", 2, 80_000_000L, 56_000_000L, 24_000_000L);
        var lines = Dashboard.lines(List.of(d1, d2), List.of(new Finance.DistrictTotals("D9", 1, 1L, 1L, 0L), allocated));
        assertThat(lines).extracting(l -> l.district().code()).containsExactly("D1", "D2");
        assertThat(lines.get(0).allocations()).isNull();
        assertThat(lines.get(0).totalFen()).isZero();
        assertThat(lines.get(1).allocations()).isSameAs(allocated);
        assertThat(lines.get(1).cityShareFen()).isEqualTo(56_000_000L);
    }

    @Test
    @DisplayName("F5: fund use by category sums budgets and payments of the projects still running")
    void useByCategory() {
        var lamp = project("INFRASTRUCTURE_MAINTENANCE", 80_000_00L, 30_000_00L, null);
        var rail = project("INFRASTRUCTURE_MAINTENANCE", 12_000_00L, 0L, null);
        var garden = project("ENVIRONMENTAL_GOVERNANCE", 25_000_00L, 0L, null);
        var withdrawn = project("ENVIRONMENTAL_GOVERNANCE", 9_000_00L, 0L, "WITHDRAWN");
        var use = Dashboard.useByCategory(List.of(lamp, rail, garden, withdrawn));
        assertThat(use).containsExactly(new Dashboard.CategoryUse("INFRASTRUCTURE_MAINTENANCE", 2, 92_000_00L, 30_000_00L),
                new Dashboard.CategoryUse("ENVIRONMENTAL_GOVERNANCE", 1, 25_000_00L, 0L));
    }

    @Test
    @DisplayName("CSV cells are quoted when they must be and a formula is read as text")
    void csv() {
        String csv = Csv.of(List.of("name", "memo"), List.of(List.of("水井坊, 社区", "say \"hi\""), List.of("=1+2", -5)));
        assertThat(csv).isEqualTo("name,memo\r\n\"水井坊, 社区\",\"say \"\"hi\"\"\"\r\n'=1+2,-5\r\n");
    }

    @Test
    @DisplayName("yuan typed in a form become fen exactly; anything else is no amount")
    void amounts() {
        assertThat(Amounts.fen("1,234.5")).contains(123450L);
        assertThat(Amounts.fen("¥80000")).contains(8000000L);
        assertThat(Amounts.fen("0.01")).contains(1L);
        assertThat(Amounts.fen("1.234")).isEmpty();
        assertThat(Amounts.fen("-5")).isEmpty();
        assertThat(Amounts.fen("abc")).isEmpty();
        assertThat(Amounts.fen(null)).isEmpty();
        assertThat(Amounts.plainYuan(40000000L)).isEqualTo("400000.00");
    }

    @Test
    @DisplayName("F7: a ballot keeps only the round's candidates, each once, in the round's order")
    void approvals() {
        assertThat(Ballot.approvals(List.of("c", "x", "a", "c"), List.of("a", "b", "c"))).containsExactly("a", "c");
        assertThat(Ballot.approvals(null, List.of("a"))).isEmpty();
    }

    @Test
    @DisplayName("a paper stack leaves out the form's blank rows and keeps each sheet number with its household")
    void paperStack() {
        var stack = Ballot.stack(List.of("H0001", " ", "H0002"), List.of("101", "", " "), List.of(List.of("p"), List.of(), List.of()));
        assertThat(stack).containsExactly(new Finance.PaperBallot("H0001", "101", List.of("p")),
                new Finance.PaperBallot("H0002", null, List.of()));
    }

    private static Finance.Project project(String category, long budget, long paid, String endedAs) {
        return new Finance.Project("id", "C", 2026, "t", category, "", budget, 0, "LOW", 1, "", paid, null, null, List.of(), List.of(),
                endedAs, null);
    }
}

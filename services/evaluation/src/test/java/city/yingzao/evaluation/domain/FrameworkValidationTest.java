package city.yingzao.evaluation.domain;

import city.yingzao.evaluation.domain.FrameworkDraft.DomainDraft;
import city.yingzao.evaluation.domain.FrameworkDraft.IndicatorDraft;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkValidationTest {

    @Test
    @DisplayName("E1 the shipped provisional framework has 6 domains, 53 indicators, weights 15+20+20+15+15+15, five anchors each in zh and en, and is valid")
    void provisional() {
        Framework f = Frameworks.provisional();
        assertThat(f.version()).isEqualTo("provisional-2016-v1");
        assertThat(f.provisional()).isTrue();
        assertThat(f.domains()).hasSize(6);
        assertThat(f.indicatorCount()).isEqualTo(53);
        assertThat(f.domains().stream().map(Framework.Domain::weight)).containsExactly(15, 20, 20, 15, 15, 15);
        assertThat(f.domains().stream().map(d -> d.indicators().size())).containsExactly(9, 9, 9, 9, 8, 9);
        assertThat(f.domains().get(1).nameZh()).isEqualTo("居民参与与协商");
        assertThat(f.indicator("2.4")).get().extracting(Framework.Indicator::nameZh).isEqualTo("议事规则");
        f.domains().forEach(d -> d.indicators().forEach(i -> {
            assertThat(i.anchorsZh()).hasSize(5);
            assertThat(i.anchorsEn()).hasSize(5);
        }));
        assertThat(FrameworkValidation.problems(FrameworkDraft.of(f))).isEmpty();
    }

    @Test
    @DisplayName("E1 weights must sum to 100: a framework of 15+20+20+15+15+10 is refused, naming the sum")
    void weights() {
        FrameworkDraft draft = FrameworkDraft.of(Frameworks.provisional());
        List<DomainDraft> domains = new ArrayList<>(draft.domains());
        DomainDraft last = domains.get(5);
        domains.set(5, new DomainDraft(last.where(), last.id(), last.nameZh(), last.nameEn(), 10, last.indicators()));
        assertThat(FrameworkValidation.problems(new FrameworkDraft("v2", "t", domains)))
                .containsExactly(new FrameworkValidation.Problem("domains", "the domain weights sum to 95, not 100"));
    }

    @Test
    @DisplayName("E1 every problem is named with its row: a duplicate indicator id, four anchors, an empty anchor, a domain without indicators, a missing weight")
    void eachProblemWithItsRow() {
        List<IndicatorDraft> d1 = List.of(
                new IndicatorDraft("row 2", "1.1", "甲", "a", Frameworks.anchors("zh"), Frameworks.anchors("en")),
                new IndicatorDraft("row 3", "1.1", "乙", "b", Frameworks.anchors("zh"), Frameworks.anchors("en").subList(0, 4)),
                new IndicatorDraft("row 4", "1.3", "丙", "c", List.of("0", "1", " ", "3", "4"), Frameworks.anchors("en")));
        FrameworkDraft draft = new FrameworkDraft("official-2016", "t", List.of(
                new DomainDraft("domains[0]", "D1", "一", "one", 60, d1),
                new DomainDraft("domains[1]", "D2", "二", "two", 40, List.of()),
                new DomainDraft("domains[2]", "D1", "三", "three", null, List.of(
                        new IndicatorDraft("row 5", "3.1", "", "x", Frameworks.anchors("zh"), Frameworks.anchors("en"))))));
        assertThat(FrameworkValidation.problems(draft)).extracting(FrameworkValidation.Problem::toString).containsExactly(
                "row 3: the indicator id 1.1 is used already at row 2",
                "row 3: has 4 English anchors, needs 5 (levels 0-4)",
                "row 4: the Chinese anchor of level 2 is empty",
                "domains[1]: domain D2 has no indicators",
                "domains[2]: the domain id D1 is used already at domains[0]",
                "domains[2]: the domain's weight is missing",
                "row 5: the Chinese name is missing");
    }

    @Test
    @DisplayName("E1 a version label is required and made of letters, digits, '.', '_' and '-'")
    void version() {
        FrameworkDraft draft = FrameworkDraft.of(Frameworks.provisional());
        assertThat(FrameworkValidation.problems(new FrameworkDraft(" ", "t", draft.domains()))).hasSize(1);
        assertThat(FrameworkValidation.problems(new FrameworkDraft("a b/c", "t", draft.domains()))).hasSize(1);
        assertThat(FrameworkValidation.problems(new FrameworkDraft("official-2016.v1", "t", draft.domains()))).isEmpty();
    }

    @Test
    @DisplayName("E1 CSV export then import gives back the same framework, quotes, commas and line breaks included")
    void csvRoundTrip() {
        Framework f = Frameworks.provisional();
        String csv = FrameworkCsv.write(f);
        assertThat(csv.lines().count()).isEqualTo(54);
        assertThat(csv).startsWith(String.join(",", FrameworkCsv.HEADER));
        FrameworkCsv.Parsed parsed = FrameworkCsv.parse("provisional-2016-v1", f.title(), csv);
        assertThat(parsed.problems()).isEmpty();
        assertThat(FrameworkValidation.problems(parsed.draft())).isEmpty();
        assertThat(parsed.draft().toFramework(true)).isEqualTo(f);

        Framework tricky = new Framework("t1", "t1", false, List.of(new Framework.Domain("D1", "一,二", "say \"hi\"", 100,
                List.of(new Framework.Indicator("1.1", "甲\n乙", "a, b", Frameworks.anchors("z,"), Frameworks.anchors("e\""))))));
        assertThat(FrameworkCsv.parse("t1", "t1", FrameworkCsv.write(tricky)).draft().toFramework(false)).isEqualTo(tricky);
    }

    @Test
    @DisplayName("E1 CSV problems name the spreadsheet row: a short row, a weight that is not a number, a domain whose weight changes")
    void csvRows() {
        String header = String.join(",", FrameworkCsv.HEADER);
        String good = "D1,一,one,100,1.1,甲,a,z0,z1,z2,z3,z4,e0,e1,e2,e3,e4";
        String csv = header + "\n" + good + "\nD1,一,one,100,1.2,乙,b\nD2,二,two,x,2.1,丙,c,z0,z1,z2,z3,z4,e0,e1,e2,e3,e4\n"
                + "D1,一,one,90,1.3,丁,d,z0,z1,z2,z3,z4,e0,e1,e2,e3,e4\n";
        FrameworkCsv.Parsed parsed = FrameworkCsv.parse("v", "t", csv);
        assertThat(parsed.problems()).extracting(FrameworkValidation.Problem::toString).containsExactly(
                "row 3: has 7 columns, needs 17",
                "row 4: domain_weight 'x' is not a whole number",
                "row 5: domain D1 has weight 90 here but 100 at row 2");
        assertThat(FrameworkCsv.parse("v", "t", "a,b\n1,2").problems()).extracting(FrameworkValidation.Problem::where)
                .containsExactly("row 1");
        assertThat(FrameworkCsv.parse("v", "t", header + "\n\"open").problems()).hasSize(1);
    }
}

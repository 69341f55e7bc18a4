package city.yingzao.charts;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict}: chart metadata, template errors, values against values.schema.json. */
class ChartLintTest {

    private static ChartWorkspace workspace;

    @BeforeAll
    static void copyCharts() {
        workspace = ChartWorkspace.copy("lint").withDependencies();
    }

    @Test
    @DisplayName("yingzao-service passes helm lint --strict")
    void serviceChart() {
        assertClean(Charts.lintStrict(workspace.serviceChart()));
    }

    @Test
    @DisplayName("the yingzao umbrella passes helm lint --strict with its packaged dependency")
    void umbrella() {
        assertClean(Charts.lintStrict(workspace.umbrella()));
    }

    private static void assertClean(LintResult result) {
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        // --strict turns warnings into failures; the one INFO left is the optional chart icon
        assertThat(result.getMessages()).allMatch(message -> message.startsWith("[INFO]"), "only INFO messages");
    }
}

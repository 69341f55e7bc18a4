package city.yingzao.portal.api;

import city.yingzao.portal.application.ServiceProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkFormsTest {

    @Test
    @DisplayName("yuan typed in a form become fen; what is not an amount is refused, never rounded")
    void yuanToFen() {
        assertThat(WorkForms.fen("1000")).isEqualTo(100_000L);
        assertThat(WorkForms.fen("1,234.5")).isEqualTo(123_450L);
        assertThat(WorkForms.fen(" 0.01 ")).isEqualTo(1L);
        assertThat(WorkForms.fen("1.234")).isNull();
        assertThat(WorkForms.fen("-5")).isNull();
        assertThat(WorkForms.fen("1e3")).isEqualTo(100_000L);
        assertThat(WorkForms.fen("abc")).isNull();
        assertThat(WorkForms.fen("9".repeat(40))).isNull();
        assertThat(WorkForms.fen("")).isNull();
    }

    @Test
    @DisplayName("a notice in the query is shown only when it is one of the pages' own")
    void notices() {
        assertThat(WorkForms.notice("submitted")).isEqualTo("submitted");
        assertThat(WorkForms.notice("<script>")).isEmpty();
        assertThat(WorkForms.notice(null)).isEmpty();
    }

    @Test
    @DisplayName("a refusal names its rule once; a service that is down is not a refusal")
    void refusals() {
        var g2 = WorkForms.Refusal.of(new ServiceProblem(409, "urn:yingzao:problem:rule:G2", "Conflict", "G2: the call is closed"));
        assertThat(g2.rule()).isEqualTo("G2");
        assertThat(g2.ruleApart()).isFalse();
        var e5 = WorkForms.Refusal.of(new ServiceProblem(422, "urn:yingzao:problem:rule:E5", "Unprocessable", "a sheet is submitted whole"));
        assertThat(e5.ruleApart()).isTrue();
        assertThat(WorkForms.status(new ServiceProblem(422, null, "x", null))).isEqualTo(422);
        assertThatThrownBy(() -> WorkForms.status(new ServiceProblem(503, null, "down", null))).isInstanceOf(ServiceProblem.class);
    }
}

package city.yingzao.evaluation.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class GradeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100.00,EXCELLENT", "85.00,EXCELLENT", "84.99,GOOD", "75.00,GOOD", "74.99,PASS", "60.00,PASS",
            "59.99,FAIL", "0.00,FAIL"})
    @DisplayName("E6 grades: 优秀 ≥ 85, 良好 ≥ 75, 合格 ≥ 60, 不合格 below; PASS or better passes")
    void boundaries(String overall, Grade grade) {
        assertThat(Grade.of(new BigDecimal(overall))).isEqualTo(grade);
        assertThat(Grade.of(new BigDecimal(overall)).passed()).isEqualTo(grade != Grade.FAIL);
    }
}

package city.yingzao.contracts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PivotCategoryTest {

    @Test
    @DisplayName("P3 projects are classified by exactly the six pivot categories of the programme")
    void sixPivots() {
        assertThat(Arrays.stream(PivotCategory.values()).map(PivotCategory::chineseName))
                .containsExactly("满足服务需求", "管理公共事务", "建构公共空间", "营造生态环境", "发展社区产业", "形塑社区文化");
    }

    @Test
    @DisplayName("P3 a pivot category travels in events by its stable English name")
    void stableNames() {
        assertThat(EventJson.mapper().valueToTree(PivotCategory.PUBLIC_SPACE).asText()).isEqualTo("PUBLIC_SPACE");
    }
}

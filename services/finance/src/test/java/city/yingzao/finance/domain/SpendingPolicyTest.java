package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingPolicyTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SpendingCategory.class, names = {"GOVERNMENT_DUTY", "PRIVATE_COST"}, mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("F5 passing: the six categories of the article are accepted")
    void sixCategories(SpendingCategory category) {
        assertThat(SpendingPolicy.check(category, "院落环境整治", "清理院落杂物，种植绿化")).isEmpty();
    }

    @Test
    @DisplayName("F5 passing: government duties and private costs are on the negative list, refused with a reason")
    void negativeListCategories() {
        assertThat(SpendingPolicy.check(SpendingCategory.GOVERNMENT_DUTY, "街道办公", "")).hasValueSatisfying(r -> {
            assertThat(r.rule()).isEqualTo("F5");
            assertThat(r.reason()).contains("negative list").contains("government duties");
        });
        assertThat(SpendingPolicy.check(SpendingCategory.PRIVATE_COST, "x", "")).hasValueSatisfying(r ->
                assertThat(r.reason()).contains("private costs"));
        assertThat(SpendingCategory.values()).filteredOn(SpendingCategory::eligible).hasSize(6);
    }

    @Test
    @DisplayName("F5 passing: a purpose that declares a government duty or a private cost is refused even in an eligible category")
    void negativeListPurpose() {
        assertThat(SpendingPolicy.check(SpendingCategory.VOLUNTEER_SERVICES, "志愿服务", "发放社区工作人员工资"))
                .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo(
                        "F5: the declared purpose mentions \"工资\", which is on the negative list (government duties, private costs)"));
        assertThat(SpendingPolicy.check(SpendingCategory.INFRASTRUCTURE_MAINTENANCE, "Repair", "repaint my own flat"))
                .isPresent();
    }
}

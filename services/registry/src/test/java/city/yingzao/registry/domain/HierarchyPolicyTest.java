package city.yingzao.registry.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static city.yingzao.registry.domain.Territory.baita;
import static city.yingzao.registry.domain.Territory.shuijingfang;
import static org.assertj.core.api.Assertions.assertThat;

class HierarchyPolicyTest {

    @Test
    @DisplayName("P1 a street names a district that exists, or it is refused with the missing code")
    void unknownParentIsRefused() {
        assertThat(HierarchyPolicy.parentExists("street", "999", false))
                .hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("P1: street 999 does not exist"));
    }

    @Test
    @DisplayName("P1 an existing parent is accepted")
    void existingParentIsAccepted() {
        assertThat(HierarchyPolicy.parentExists("district", Territory.jinjiang(), true)).isEmpty();
    }

    @Test
    @DisplayName("P1 a household's resident group is one of its own community's groups")
    void groupOfTheSameCommunity() {
        assertThat(HierarchyPolicy.groupOfCommunity(shuijingfang().code(), "G03", shuijingfang().groups())).isEmpty();
    }

    @Test
    @DisplayName("P1 a resident group of another community is refused, naming the group and the community")
    void groupOfAnotherCommunityIsRefused() {
        assertThat(HierarchyPolicy.groupOfCommunity(baita().code(), "G05", baita().groups()))
                .hasValueSatisfying(r -> {
                    assertThat(r.rule()).isEqualTo("P1");
                    assertThat(r.reason()).contains("G05", baita().code());
                });
    }

    @Test
    @DisplayName("P1 a household's courtyard is one of its own community's courtyards")
    void courtyardOfAnotherCommunityIsRefused() {
        assertThat(HierarchyPolicy.courtyardOfCommunity(shuijingfang().code(), "Y02", shuijingfang().courtyards())).isEmpty();
        assertThat(HierarchyPolicy.courtyardOfCommunity(baita().code(), "Y02", baita().courtyards()))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("P1: courtyard Y02"));
    }
}

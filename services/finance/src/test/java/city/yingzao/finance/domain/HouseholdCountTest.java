package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdCountTest {

    @Test
    @DisplayName("F3 a count declared for the year is in force (with its number); without one the registry's count")
    void declaredWins() {
        assertThat(HouseholdCount.inForce(2350, Optional.of(new HouseholdCount.Declared(7, 2400))))
                .isEqualTo(new HouseholdCount.InForce(2400, HouseholdCount.Source.DECLARED, 7L));
        assertThat(HouseholdCount.inForce(2350, Optional.empty()))
                .isEqualTo(new HouseholdCount.InForce(2350, HouseholdCount.Source.REGISTRY, null));
        assertThat(HouseholdCount.checkDeclared(-1)).hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("F3"));
        assertThat(HouseholdCount.checkDeclared(0)).isEmpty();
        assertThat(HouseholdCount.alreadyAllocated("C1", 2051, 2400, HouseholdCount.Source.DECLARED).message())
                .isEqualTo("F3: community C1 was allocated for 2051 with 2400 households (declared); its count for that year "
                        + "can no longer change");
    }
}

package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationPolicyTest {

    static final FundPolicy ARTICLE = new FundPolicy(2026, Money.yuan(400_000), Money.yuan(4_000), 0, 50, 70, 1);

    @Test
    @DisplayName("F2 passing: a rural community or village gets the year's floor, whatever its households")
    void ruralFloor() {
        AllocationPolicy.Amounts amounts = AllocationPolicy.allocate(ARTICLE, CommunityKind.RURAL, DistrictTier.FAR_SUBURB, 620);
        assertThat(amounts.basis()).isEqualTo(AllocationPolicy.Basis.RURAL_FLOOR);
        assertThat(amounts.total()).isEqualTo(Money.yuan(400_000));
        FundPolicy y2009 = new FundPolicy(2009, Money.yuan(200_000), Money.yuan(3_000), 0, 50, 70, 1);
        assertThat(AllocationPolicy.allocate(y2009, CommunityKind.RURAL, DistrictTier.NEAR_SUBURB, 5000).total())
                .isEqualTo(Money.yuan(200_000));
    }

    @Test
    @DisplayName("F3 passing: an urban community gets 4,000 CNY per 100 households pro rata: 2,350 households → 94,000 CNY")
    void urbanPerHundred() {
        AllocationPolicy.Amounts amounts = AllocationPolicy.allocate(ARTICLE, CommunityKind.URBAN, DistrictTier.MAIN_URBAN, 2350);
        assertThat(amounts.basis()).isEqualTo(AllocationPolicy.Basis.URBAN_PER_100_HOUSEHOLDS);
        assertThat(amounts.total().fen()).isEqualTo(9_400_000);
        assertThat(amounts.total()).hasToString("94,000.00 CNY");
        assertThat(AllocationPolicy.allocate(ARTICLE, CommunityKind.URBAN, DistrictTier.MAIN_URBAN, 1).total())
                .isEqualTo(Money.yuan(40));
    }

    @ParameterizedTest(name = "{0} households at {1} fen per 100 → {2} fen")
    @CsvSource({"1, 333333, 3333", "1, 333350, 3334", "3, 50, 2", "1, 49, 0", "1, 50, 1", "7, 1, 0", "50, 1, 1"})
    @DisplayName("F3 passing: pro rata amounts are rounded half-up to the fen")
    void roundingHalfUp(int households, long ratePer100, long expectedFen) {
        FundPolicy policy = new FundPolicy(2026, Money.ZERO, Money.fen(ratePer100), 0, 50, 70, 1);
        assertThat(AllocationPolicy.allocate(policy, CommunityKind.URBAN, DistrictTier.MAIN_URBAN, households).total().fen())
                .isEqualTo(expectedFen);
    }

    @ParameterizedTest(name = "{0}: total {1} fen → city {2}, district {3}")
    @CsvSource({"MAIN_URBAN, 9400000, 0, 9400000", "NEAR_SUBURB, 9400000, 4700000, 4700000",
            "FAR_SUBURB, 40000000, 28000000, 12000000", "NEAR_SUBURB, 4000001, 2000001, 2000000",
            "FAR_SUBURB, 5, 4, 1", "FAR_SUBURB, 3, 2, 1"})
    @DisplayName("F4 passing: the city pays its tier's share rounded half-up, the district the rest")
    void whoPays(DistrictTier tier, long totalFen, long cityFen, long districtFen) {
        FundPolicy policy = new FundPolicy(2026, Money.fen(totalFen), Money.ZERO, 0, 50, 70, 1);
        AllocationPolicy.Amounts amounts = AllocationPolicy.allocate(policy, CommunityKind.RURAL, tier, 0);
        assertThat(amounts.cityShare().fen()).isEqualTo(cityFen);
        assertThat(amounts.districtShare().fen()).isEqualTo(districtFen);
    }

    @Test
    @DisplayName("F4 passing: city and district shares always add up to the total, for any amount and share")
    void sharesAddUp() {
        for (int percent = 0; percent <= 100; percent += 7) {
            for (long total = 0; total < 2_000; total += 13) {
                FundPolicy policy = new FundPolicy(2026, Money.fen(total), Money.ZERO, percent, percent, percent, 1);
                AllocationPolicy.Amounts a = AllocationPolicy.allocate(policy, CommunityKind.RURAL, DistrictTier.NEAR_SUBURB, 0);
                assertThat(a.cityShare().plus(a.districtShare())).isEqualTo(a.total());
                assertThat(a.cityShare().isNegative() || a.districtShare().isNegative()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("F4 passing: a policy with a share outside 0-100% or a negative amount is refused, naming the rule")
    void policyChecked() {
        FundPolicy bad = new FundPolicy(2026, Money.fen(-1), Money.fen(-1), 0, 101, -1, 1);
        assertThat(bad.problems()).extracting(r -> r.rule()).containsExactly("F2", "F3", "F4", "F4");
        assertThat(ARTICLE.problems()).isEmpty();
    }
}

package city.yingzao.finance.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Defaults of the fund policy for a year nobody has set (F2-F4), from the article: 400,000 CNY
 * rural floor, 4,000 CNY per 100 urban households, city share 0% / 50% / 70% by tier.
 */
@ConfigMapping(prefix = "yingzao.finance.policy")
public interface FundPolicyConfig {

    /** F2, fen. */
    long ruralFloorFen();

    /** F3, fen per 100 registered households. */
    @WithName("urban-per-100-households-fen")
    long urbanPer100HouseholdsFen();

    /** F4, the city's share per tier, percent. */
    CityPercent cityPercent();

    interface CityPercent {
        int mainUrban();

        int nearSuburb();

        int farSuburb();
    }
}

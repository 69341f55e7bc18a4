package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of one fund year (F2-F4): the rural floor, the urban amount per 100 registered
 * households and the city's share per district tier (the district or county pays the rest).
 * The article gives 400,000 CNY, 4,000 CNY per 100 households, and 0% / 50% / 70%.
 *
 * @param revision 1 for the policy an allocation run froze from the defaults, +1 per change
 */
public record FundPolicy(int fundYear, Money ruralFloor, Money urbanPer100Households, int cityPercentMainUrban,
                         int cityPercentNearSuburb, int cityPercentFarSuburb, long revision) {

    public int cityPercent(DistrictTier tier) {
        return switch (tier) {
            case MAIN_URBAN -> cityPercentMainUrban;
            case NEAR_SUBURB -> cityPercentNearSuburb;
            case FAR_SUBURB -> cityPercentFarSuburb;
        };
    }

    public FundPolicy withRevision(long newRevision) {
        return new FundPolicy(fundYear, ruralFloor, urbanPer100Households, cityPercentMainUrban, cityPercentNearSuburb,
                cityPercentFarSuburb, newRevision);
    }

    /** F2-F4: amounts are not negative and shares are percentages. */
    public List<Rejection> problems() {
        List<Rejection> problems = new ArrayList<>();
        if (ruralFloor.isNegative()) {
            problems.add(new Rejection("F2", "the rural floor cannot be negative (" + ruralFloor + ")"));
        }
        if (urbanPer100Households.isNegative()) {
            problems.add(new Rejection("F3", "the urban amount per 100 households cannot be negative (" + urbanPer100Households + ")"));
        }
        for (DistrictTier tier : DistrictTier.values()) {
            int percent = cityPercent(tier);
            if (percent < 0 || percent > 100) {
                problems.add(new Rejection("F4", "the city's share for " + tier + " must be 0 to 100%, not " + percent + "%"));
            }
        }
        return problems;
    }

    /** One line for the audit trail: {@code rural=40000000 urban/100=400000 city%=0/50/70}. */
    public String describe() {
        return "rural=" + ruralFloor.fen() + " urban/100=" + urbanPer100Households.fen() + " city%="
                + cityPercentMainUrban + "/" + cityPercentNearSuburb + "/" + cityPercentFarSuburb;
    }
}

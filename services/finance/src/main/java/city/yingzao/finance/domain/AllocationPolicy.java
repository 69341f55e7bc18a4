package city.yingzao.finance.domain;

/**
 * F2-F4: what a community receives for a fund year and who pays it.
 * <ul>
 *   <li>F2: a rural community or village gets the year's floor.</li>
 *   <li>F3: an urban community gets households × rate-per-100 / 100, rounded half-up to the fen
 *       (2,350 households × 400,000 fen / 100 = 9,400,000 fen = 94,000 CNY).</li>
 *   <li>F4: the city pays round-half-up(total × city% / 100), the district or county the rest, so the
 *       two shares always add up to the total.</li>
 * </ul>
 */
public final class AllocationPolicy {

    private AllocationPolicy() {
    }

    /** How the total was computed; the names are those of the {@code AllocationMadeV1} contract. */
    public enum Basis {
        URBAN_PER_100_HOUSEHOLDS, RURAL_FLOOR
    }

    /** The amounts of one community's allocation. */
    public record Amounts(Basis basis, Money total, Money cityShare, Money districtShare) {
    }

    public static Amounts allocate(FundPolicy policy, CommunityKind kind, DistrictTier tier, int registeredHouseholds) {
        // F2 (rural floor) and F3 (urban, pro rata per 100 households, half-up to the fen)
        Money total = kind == CommunityKind.RURAL
                ? policy.ruralFloor()
                : Money.perHundred(Math.max(0, registeredHouseholds), policy.urbanPer100Households());
        // F4: the city's share rounded half-up, the district's is the remainder
        Money city = total.percent(policy.cityPercent(tier));
        return new Amounts(kind == CommunityKind.RURAL ? Basis.RURAL_FLOOR : Basis.URBAN_PER_100_HOUSEHOLDS,
                total, city, total.minus(city));
    }
}

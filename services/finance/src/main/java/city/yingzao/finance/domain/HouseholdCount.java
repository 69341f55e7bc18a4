package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * F3: the household count an urban allocation is computed from. A count declared for the community
 * and fund year (by the city, or the community's district operator, with a reason; audited) is in
 * force when there is one; otherwise the registry's registered count. The allocation records which
 * one it used. The figure in force is compared with the households the registry lists (active ones
 * in the replica) so that a difference shows.
 */
public final class HouseholdCount {

    private HouseholdCount() {
    }

    /** Where the figure in force comes from. */
    public enum Source {
        DECLARED, REGISTRY
    }

    /** The figure in force; {@code declaration} is the declaration's number when it is DECLARED. */
    public record InForce(int households, Source source, Long declaration) {
    }

    // F3: a declared count for the year wins over the registry's registered count
    public static InForce inForce(int registryCount, Optional<Declared> declared) {
        return declared.map(d -> new InForce(d.households(), Source.DECLARED, d.seq()))
                .orElseGet(() -> new InForce(registryCount, Source.REGISTRY, null));
    }

    /** A declaration as far as the figure in force needs it. */
    public record Declared(long seq, int households) {
    }

    // F3: a declared count is a whole number of households, 0 or more
    public static Optional<Rejection> checkDeclared(int households) {
        return households < 0 ? Optional.of(new Rejection("F3", "a household count is 0 or more, not " + households))
                : Optional.empty();
    }

    // F3: a community's allocation of a year is final; a count declared afterwards would not be the one it used
    public static Rejection alreadyAllocated(String communityCode, int fundYear, int households, Source source) {
        return new Rejection("F3", "community " + communityCode + " was allocated for " + fundYear + " with " + households
                + " households (" + source.name().toLowerCase() + "); its count for that year can no longer change");
    }
}

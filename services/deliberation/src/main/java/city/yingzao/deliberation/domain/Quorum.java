package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D6: at least 4/5 (configurable) of the council's FULL membership present, or nothing may be
 * discussed or voted. Kept as a fraction so 4/5 of 25 is exactly 20, rounded up for other sizes.
 */
public record Quorum(int numerator, int denominator) {

    public static final String RULE = "D6";

    public Quorum {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("a quorum is a fraction in (0, 1]: " + numerator + "/" + denominator);
        }
    }

    /** Members who must be present: ceil(membership × numerator / denominator). */
    public int needed(int membership) {
        return (membership * numerator + denominator - 1) / denominator;
    }

    // D6: ≥ 4/5 of the full membership present
    public Optional<Rejection> check(int present, int membership) {
        int needed = needed(membership);
        return present >= needed ? Optional.empty()
                : Optional.of(new Rejection(RULE, present + " of " + membership + " members present, " + needed + " needed"));
    }
}

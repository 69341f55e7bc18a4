package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.Optional;

/** D1: a council has at least its level's minimum of members (group 5, community 21 by default). */
public final class MinimumSizePolicy {

    public static final String RULE = "D1";

    private MinimumSizePolicy() {
    }

    // D1: group council ≥ 5, community council ≥ 21 (configurable)
    public static Optional<Rejection> check(CouncilLevel level, List<Seat> seats, CompositionRules rules) {
        int needed = rules.minimumFor(level);
        return seats.size() >= needed ? Optional.empty()
                : Optional.of(new Rejection(RULE, "a " + level.name().toLowerCase() + " council needs at least "
                        + needed + " members, it has " + seats.size()));
    }
}

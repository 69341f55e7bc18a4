package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether a council may be constituted, or keep its constitution after a seat changes: D1, D2 and
 * D3 together, every broken rule named at once so staff fix them in one go.
 */
public final class CouncilComposition {

    private CouncilComposition() {
    }

    public static List<Rejection> check(CouncilLevel level, List<Seat> seats, Collection<String> groupsOfCommunity,
            CompositionRules rules) {
        List<Rejection> broken = new ArrayList<>();
        MinimumSizePolicy.check(level, seats, rules).ifPresent(broken::add);
        GroupRepresentationPolicy.check(level, seats, groupsOfCommunity, rules).ifPresent(broken::add);
        CadreSharePolicy.check(seats, rules).ifPresent(broken::add);
        return broken;
    }
}

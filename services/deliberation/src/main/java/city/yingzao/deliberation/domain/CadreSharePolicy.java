package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.Optional;

/** D3: community and group cadres 干部 hold at most half of a council's seats (configurable share). */
public final class CadreSharePolicy {

    public static final String RULE = "D3";

    private CadreSharePolicy() {
    }

    // D3: cadres ≤ 50% of the seats
    public static Optional<Rejection> check(List<Seat> seats, CompositionRules rules) {
        long cadres = seats.stream().filter(Seat::cadre).count();
        long allowed = (long) Math.floor(seats.size() * rules.maxCadreShare() + 1e-9);
        return cadres <= allowed ? Optional.empty()
                : Optional.of(new Rejection(RULE, cadres + " of " + seats.size() + " seats are held by cadres, at most "
                        + allowed + " may be"));
    }
}

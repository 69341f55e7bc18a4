package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** D2: on a community council every resident group of the community holds at least 2 seats (configurable). */
public final class GroupRepresentationPolicy {

    public static final String RULE = "D2";

    private GroupRepresentationPolicy() {
    }

    // D2: structural seats, every group ≥ 2 seats on the community council
    public static Optional<Rejection> check(CouncilLevel level, List<Seat> seats, Collection<String> groupsOfCommunity,
            CompositionRules rules) {
        if (level != CouncilLevel.COMMUNITY) {
            return Optional.empty();
        }
        Map<String, Long> perGroup = seats.stream().filter(s -> s.groupCode() != null)
                .collect(Collectors.groupingBy(Seat::groupCode, Collectors.counting()));
        String underRepresented = new TreeSet<>(groupsOfCommunity).stream()
                .filter(g -> perGroup.getOrDefault(g, 0L) < rules.seatsPerGroup())
                .map(g -> g + " has " + perGroup.getOrDefault(g, 0L))
                .collect(Collectors.joining(", "));
        return underRepresented.isEmpty() ? Optional.empty()
                : Optional.of(new Rejection(RULE, "every resident group needs at least " + rules.seatsPerGroup()
                        + " seats: " + underRepresented));
    }
}

package city.yingzao.deliberation.domain;

import java.util.List;
import java.util.Optional;

/**
 * D13: who speaks next. Members wait in the order they asked; when both sides wait, the floor
 * alternates: the next speaker takes the side opposite to the last speaker's.
 */
public final class SpeakingOrder {

    private SpeakingOrder() {
    }

    /** A member waiting for the floor, in the order of asking. */
    public record Waiting(int seq, String personId, Side side) {
    }

    // D13: alternate for/against when both sides wait
    public static Optional<Waiting> next(List<Waiting> waiting, Optional<Side> lastSide) {
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        if (lastSide.isPresent()) {
            Optional<Waiting> other = waiting.stream().filter(w -> w.side() == lastSide.get().other()).findFirst();
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.of(waiting.get(0));
    }
}

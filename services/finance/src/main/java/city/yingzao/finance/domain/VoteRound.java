package city.yingzao.finance.domain;

import java.time.Instant;
import java.util.List;

/**
 * A household vote round 一户一票 of a community over candidate projects (F7), with its live counts;
 * {@code registeredHouseholds} is the community's active households frozen when it closed (null while open).
 */
public record VoteRound(String id, String communityCode, String title, List<String> candidates, Status status,
                        long ballots, long onlineBallots, long paperBallots, Instant openedAt, Instant closedAt,
                        Instant closesAt, Integer registeredHouseholds) {

    public VoteRound {
        candidates = List.copyOf(candidates);
    }

    /** F7: whether ballots are taken at {@code at}: open, and before its deadline if it has one. */
    public boolean takesBallotsAt(Instant at) {
        return status == Status.OPEN && (closesAt == null || at.isBefore(closesAt));
    }

    public enum Status {
        OPEN, CLOSED
    }
}

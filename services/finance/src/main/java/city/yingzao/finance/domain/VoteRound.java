package city.yingzao.finance.domain;

import java.time.Instant;
import java.util.List;

/** A household vote round 一户一票 of a community over candidate projects (F7), with its live counts. */
public record VoteRound(String id, String communityCode, String title, List<String> candidates, Status status,
                        long ballots, long onlineBallots, long paperBallots, Instant openedAt, Instant closedAt) {

    public VoteRound {
        candidates = List.copyOf(candidates);
    }

    public enum Status {
        OPEN, CLOSED
    }
}

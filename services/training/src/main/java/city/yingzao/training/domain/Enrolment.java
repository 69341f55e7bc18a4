package city.yingzao.training.domain;

import java.time.Instant;

/**
 * A learner in a session: SEATED, WAITLISTED (in {@code position} order) or WITHDRAWN; the score and
 * completion once assessed and evaluated.
 */
public record Enrolment(String sessionId, String personId, String displayName, String state, long position,
                        Instant enrolledAt, Integer score, Boolean completed, String completionNote) {

    public static final String SEATED = "SEATED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String WITHDRAWN = "WITHDRAWN";
}

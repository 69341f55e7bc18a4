package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.util.Optional;

/**
 * T3: the short code a trainer shows in the room so that learners mark their own attendance of one
 * meeting. It is good until {@code expiresAt}; a newer code for the same meeting replaces it; a
 * learner uses it once.
 *
 * @param meetingId the meeting it marks
 * @param code      what the learner types
 * @param issuedAt  when the trainer showed it
 * @param expiresAt when it stops working (exclusive)
 * @param current   false once a newer code replaced it
 */
public record SelfMarkCode(String meetingId, String code, Instant issuedAt, Instant expiresAt, boolean current) {

    /**
     * @param presented     the code the learner typed
     * @param now           the clock's now
     * @param alreadyMarked whether the learner already marked this meeting
     */
    public Optional<Rejection> refusal(String presented, Instant now, boolean alreadyMarked) {
        if (presented == null || !code.equalsIgnoreCase(presented.trim())) {
            return Optional.of(new Rejection("T3", "the code is not the one shown for this meeting"));
        }
        if (!current) {
            return Optional.of(new Rejection("T3", "the code was replaced by a newer one"));
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(new Rejection("T3", "the code expired at " + expiresAt));
        }
        if (alreadyMarked) {
            return Optional.of(new Rejection("T3", "the code was already used for this meeting"));
        }
        return Optional.empty();
    }
}

package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.util.Optional;

/**
 * D9: a resolution is {@code PUBLISHED} for its publicity period 公示, during which residents may
 * object, then {@code ADOPTED} once the period has ended; nothing goes back.
 */
public enum ResolutionState {
    PUBLISHED,
    ADOPTED;

    public static final String RULE = "D9";

    // D9: objections are taken while the resolution is in publicity
    public Optional<Rejection> mayObject(Instant now, Instant adoptAt) {
        return this == PUBLISHED && PublicityPeriod.inPublicity(now, adoptAt) ? Optional.empty()
                : Optional.of(new Rejection(RULE, "the publicity period of this resolution has ended; objections are taken during it"));
    }

    // D9: adopted once, when the publicity period has ended
    public Optional<Rejection> mayAdopt(Instant now, Instant adoptAt) {
        if (this != PUBLISHED) {
            return Optional.of(new Rejection(RULE, "the resolution is adopted already"));
        }
        return now.isBefore(adoptAt) ? Optional.of(new Rejection(RULE, "the publicity period ends at " + adoptAt)) : Optional.empty();
    }

    /** The state once adopted; throws when not allowed (check {@link #mayAdopt} first). */
    public ResolutionState adopt(Instant now, Instant adoptAt) {
        mayAdopt(now, adoptAt).ifPresent(r -> {
            throw new IllegalStateException(r.reason());
        });
        return ADOPTED;
    }
}

package city.yingzao.deliberation.domain;

import java.util.Optional;

/**
 * D13: where a meeting stands. {@code SCHEDULED} until the chair opens its first item, then
 * {@code OPEN}; {@code CLOSED} by the chair when no question is pending. Nothing happens in a
 * closed meeting except publishing its minutes. A meeting that has not started may be rescheduled,
 * or {@code CANCELLED} by staff with a reason; its items go back to be scheduled again.
 */
public enum MeetingState {
    SCHEDULED,
    OPEN,
    CLOSED,
    CANCELLED;

    public boolean inSession() {
        return this == SCHEDULED || this == OPEN;
    }

    /** Why the meeting cannot be cancelled or moved now, if it cannot: only one that has not started can. */
    public Optional<String> notChangeable() {
        return this == SCHEDULED ? Optional.empty()
                : Optional.of("the meeting is " + name().toLowerCase(java.util.Locale.ROOT) + "; only a scheduled meeting that has not started is cancelled or moved");
    }

    public MeetingState cancel() {
        notChangeable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return CANCELLED;
    }

    /** The state once an item is opened: a scheduled meeting opens, an open one stays open. */
    public MeetingState itemOpened() {
        requireInSession();
        return OPEN;
    }

    public MeetingState close() {
        requireInSession();
        return CLOSED;
    }

    /** Why the minutes cannot be published now, if they cannot. */
    public Optional<String> minutesNotPublishable() {
        return this == CLOSED ? Optional.empty() : this == CANCELLED ? Optional.of("a cancelled meeting has no minutes")
                : Optional.of("the minutes are published once the meeting is closed");
    }

    private void requireInSession() {
        if (!inSession()) {
            throw new IllegalStateException("the meeting is " + name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}

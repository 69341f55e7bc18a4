package city.yingzao.deliberation.domain;

import java.util.Optional;

/**
 * D13: where a meeting stands. {@code SCHEDULED} until the chair opens its first item, then
 * {@code OPEN}; {@code CLOSED} by the chair when no question is pending. Nothing happens in a
 * closed meeting except publishing its minutes.
 */
public enum MeetingState {
    SCHEDULED,
    OPEN,
    CLOSED;

    public boolean inSession() {
        return this != CLOSED;
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
        return this == CLOSED ? Optional.empty() : Optional.of("the minutes are published once the meeting is closed");
    }

    private void requireInSession() {
        if (!inSession()) {
            throw new IllegalStateException("the meeting is closed");
        }
    }
}

package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

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

    public static final String RULE = "D13";

    public boolean inSession() {
        return this == SCHEDULED || this == OPEN;
    }

    // D13: nothing happens in a closed or cancelled meeting except publishing its minutes
    public Optional<Rejection> mayAct() {
        return inSession() ? Optional.empty() : refuse("the meeting is " + lower());
    }

    // D13: only a meeting that has not started is cancelled or moved
    public Optional<Rejection> mayChange() {
        return this == SCHEDULED ? Optional.empty()
                : refuse("the meeting is " + lower() + "; only a scheduled meeting that has not started is cancelled or moved");
    }

    // D13: the minutes are published once the meeting is closed
    public Optional<Rejection> mayPublishMinutes() {
        return this == CLOSED ? Optional.empty() : this == CANCELLED ? refuse("a cancelled meeting has no minutes")
                : refuse("the minutes are published once the meeting is closed");
    }

    public MeetingState cancel() {
        require(mayChange());
        return CANCELLED;
    }

    /** The state once an item is opened: a scheduled meeting opens, an open one stays open. */
    public MeetingState itemOpened() {
        require(mayAct());
        return OPEN;
    }

    public MeetingState close() {
        require(mayAct());
        return CLOSED;
    }

    private String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void require(Optional<Rejection> check) {
        check.ifPresent(r -> {
            throw new IllegalStateException(r.reason());
        });
    }

    private static Optional<Rejection> refuse(String reason) {
        return Optional.of(new Rejection(RULE, reason));
    }
}

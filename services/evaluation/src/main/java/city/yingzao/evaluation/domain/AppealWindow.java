package city.yingzao.evaluation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * E5: after release the organisation may respond or appeal within a window of whole Asia/Shanghai
 * days (configurable, default 7): released on day D, the window stays open through the end of day
 * D + days, i.e. it closes at midnight Shanghai time starting day D + days + 1.
 */
public record AppealWindow(int days) {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public AppealWindow {
        if (days < 1) {
            throw new IllegalArgumentException("an appeal window lasts at least one day");
        }
    }

    public Instant closesAt(Instant releasedAt) {
        LocalDate released = releasedAt.atZone(SHANGHAI).toLocalDate();
        return closesAfterDay(released);
    }

    /** When the window closes for a result released on the given Shanghai day. */
    public Instant closesAfterDay(LocalDate releasedOn) {
        return releasedOn.plusDays(days + 1L).atStartOfDay(SHANGHAI).toInstant();
    }

    public boolean isOpen(Instant releasedAt, Instant now) {
        return now.isBefore(closesAt(releasedAt));
    }

    /** Refuses a response or appeal once the window closed. */
    public Optional<Rejection> check(Instant releasedAt, Instant now) {
        if (isOpen(releasedAt, now)) {
            return Optional.empty();
        }
        return Optional.of(new Rejection("E5", "the appeal window of " + days + " days closed at "
                + closesAt(releasedAt).atZone(SHANGHAI).toLocalDateTime() + " Asia/Shanghai"));
    }
}

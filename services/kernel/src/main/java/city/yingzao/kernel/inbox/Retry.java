package city.yingzao.kernel.inbox;

import java.time.Duration;

/** Pauses between attempts: doubling, up to a ceiling. */
final class Retry {

    private Retry() {
    }

    static Duration next(Duration pause, Duration max) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

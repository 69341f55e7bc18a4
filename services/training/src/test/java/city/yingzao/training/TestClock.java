package city.yingzao.training;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time plus an offset that tests move forward (years of validity
 * pass in a call). Shared by every test class of the module, so it only ever moves forward.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return now();
    }
}

package city.yingzao.training.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock every rule about time reads (self-mark codes, validity, expiry), injected so tests can move it. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

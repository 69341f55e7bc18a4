package city.yingzao.deliberation.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock every rule about time reads (speaking turns, publicity, adoption), injected so that
 * tests can move it forward by days instead of waiting.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

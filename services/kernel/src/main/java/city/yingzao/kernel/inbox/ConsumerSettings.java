package city.yingzao.kernel.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How consumers retry, dead-letter and forget: {@code yingzao.consumer.*}. */
@ConfigMapping(prefix = "yingzao.consumer")
public interface ConsumerSettings {

    /** Attempts at an event that fails for an unknown reason before it is dead-lettered. */
    @WithDefault("3")
    int attempts();

    /** Pause before the second attempt; doubles after, up to {@link #backoffMax()}. */
    @WithDefault("200ms")
    Duration backoff();

    /** The longest pause between attempts at a transient failure (retried for as long as it lasts). */
    @WithDefault("10s")
    Duration backoffMax();

    /**
     * How long an applied event's id is remembered. Longer than the retention of every topic with
     * the delete policy (7 days in the charts); compacted snapshot topics are replayed safely after
     * it, since a snapshot only replaces an older revision.
     */
    @WithDefault("30d")
    Duration processedRetention();
}

package city.yingzao.kernel.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** How the outbox relay behaves and which topics a service provisions. */
@ConfigMapping(prefix = "yingzao.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all (a second replica may relay too: a database lock keeps one at a time). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long the relay waits, once the outbox is drained, before it looks again: the most an event
     * committed to an idle outbox waits for its round (an index-only look at the pending rows).
     */
    @WithDefault("50ms")
    Duration pollInterval();

    /**
     * At most this many events per relay round. A round that read a full batch goes straight on to
     * the next one; the poll interval applies only once the outbox is drained. 4,000 rows (about
     * 4 MB) amortise a round's read, flush and mark: 27,318 events/s against 16,534 with 1,000 on
     * the same quiet machine (benchmarks/README.md).
     */
    @WithDefault("4000")
    int batchSize();

    /**
     * How many times a row may fail for a reason of its own (a non-retriable error such as
     * {@code RecordTooLargeException} or an invalid topic) before it is parked: set aside with its
     * last error, reported by {@code yingzao.outbox.parked} and the outbox wellness check, and no
     * longer holding back the later events of its community. Retriable broker failures (broker
     * down, timeouts) never count against a row. An operator replays parked rows through
     * {@code POST /api/outbox/parked/replay}.
     */
    @WithDefault("10")
    int maxAttempts();

    /** How long one send may take before the event is retried in a later round. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** First pause after a failed round; doubles with each further failure. */
    @WithDefault("500ms")
    Duration backoffInitial();

    /** The longest pause between failed rounds. */
    @WithDefault("15s")
    Duration backoffMax();

    /** Topics this service publishes, created at start when missing. */
    Map<String, TopicSpec> topics();

    interface TopicSpec {
        /** Partitions; keys are community codes, so this bounds the parallelism of every consumer. */
        @WithDefault("6")
        int partitions();

        /** Compacted topics keep the latest record per key (full snapshots). */
        @WithDefault("false")
        boolean compacted();

        /** Replication factor; 1 on a single local broker, 3 in a cluster. */
        @WithDefault("1")
        short replicas();
    }
}

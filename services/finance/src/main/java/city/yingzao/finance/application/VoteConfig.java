package city.yingzao.finance.application;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * The vote intake's group commit (F7): a batch waits up to {@code batchWindow} for company and holds
 * at most {@code batchMax} ballots. {@code batchMax} is also the largest stack of paper ballots one
 * request may enter, so a full stack fits in one intake transaction.
 */
@ConfigMapping(prefix = "yingzao.finance.votes")
public interface VoteConfig {

    Duration batchWindow();

    int batchMax();

    /**
     * How many ballots may wait for the writer at once; beyond it a request is answered 503 with
     * {@code Retry-After} and nothing queued (a stack of paper ballots is taken whole or not at all).
     */
    @io.smallrye.config.WithDefault("20000")
    int queueCapacity();

    /** How long a shutdown waits for the ballots already queued to be written and answered. */
    @io.smallrye.config.WithDefault("20s")
    Duration drainTimeout();
}

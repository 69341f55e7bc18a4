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
}

package city.yingzao.finance.application;

import city.yingzao.finance.infrastructure.VoteStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * F7: closes vote rounds at their deadline (every {@code yingzao.finance.votes.deadline-check}, 30 s),
 * as staff closing them by hand would; ballots after the deadline were refused already.
 */
@ApplicationScoped
public class VoteRoundDeadlines {

    private static final Logger LOG = Logger.getLogger(VoteRoundDeadlines.class);

    @Inject
    VoteStore votes;

    @Scheduled(every = "${yingzao.finance.votes.deadline-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void closeDue() {
        List<String> closed = votes.closeDue(Instant.now());
        if (!closed.isEmpty()) {
            LOG.infof("closed %d vote round(s) at their deadline: %s", closed.size(), closed);
        }
    }
}

package city.yingzao.deliberation.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * D9: every 30 s (setting {@code yingzao.deliberation.publicity-check}) adopts the resolutions whose
 * publicity has ended. Safe with several replicas: each claims its rows with SKIP LOCKED.
 */
@ApplicationScoped
public class PublicityJob {

    private static final Logger LOG = Logger.getLogger(PublicityJob.class);

    @Inject
    ResolutionService resolutions;

    @Scheduled(every = "${yingzao.deliberation.publicity-check:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adoptDue() {
        int adopted = resolutions.adoptDue(List.of()).adopted();
        if (adopted > 0) {
            LOG.infof("adopted %d resolution(s) at the end of their publicity", adopted);
        }
    }
}

package city.yingzao.kernel.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Forgets applied event ids after {@code yingzao.consumer.processed-retention}, every hour (any replica; deletes are idempotent). */
@ApplicationScoped
public class ProcessedEventPruning {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPruning.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    ConsumerSettings settings;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        long forgotten = processed.pruneOlderThan(settings.processedRetention(), 10_000);
        if (forgotten > 0) {
            LOG.infof("forgot %d event id(s) applied more than %s ago", forgotten, settings.processedRetention());
        }
    }
}

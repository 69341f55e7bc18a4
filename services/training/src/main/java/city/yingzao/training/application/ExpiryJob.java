package city.yingzao.training.application;

import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.training.domain.HeldCertificate;
import city.yingzao.training.infrastructure.CertificateStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * T3: records certificates whose validUntil has passed as EXPIRED and publishes
 * {@code CertificationExpired} once each. Every replica runs the job; each batch is one transaction
 * that takes its certificates with {@code select ... for update skip locked}, changes their state and
 * appends their events to the outbox, so two runs at once never take the same certificate and a run
 * that fails leaves nothing half done.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    CertificateStore certificates;

    @Inject
    Outbox outbox;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${yingzao.training.expiry.every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int expired = run();
        if (expired > 0) {
            LOG.infof("expiry job: %d certificate(s) expired", expired);
        }
    }

    /** One run to the end: batch after batch until nothing is due; returns how many this run expired. */
    public int run() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::batch);
            total += batch;
        } while (batch >= config.expiry().batch());
        return total;
    }

    private int batch() {
        Instant now = clock.instant();
        List<HeldCertificate> due = certificates.lockDue(now, config.expiry().batch());
        if (due.isEmpty()) {
            return 0;
        }
        certificates.expire(due.stream().map(h -> h.certificate().code()).toList(), now);
        List<CertificationEvent> events = due.stream()
                .map(h -> Events.of("EXPIRED", h, h.certificate(), null, now))
                .toList();
        outbox.appendAll(events);
        return due.size();
    }
}

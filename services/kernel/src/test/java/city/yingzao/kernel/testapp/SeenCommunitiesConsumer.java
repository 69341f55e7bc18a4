package city.yingzao.kernel.testapp;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * A downstream consumer as services write them: one effect per event, applied once. A community
 * named {@code POISON} makes the effect fail every time for no known reason (retried, then
 * dead-lettered); one named {@code REFUSED} is refused by a rule (dead-lettered at once) until the
 * test "fixes" the rule with {@link #acceptRefused}.
 */
@ApplicationScoped
public class SeenCommunitiesConsumer implements EventHandler<CommunitySnapshotV1> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    private volatile boolean acceptRefused;

    @Incoming("communities")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    /** The fix an operator deploys before replaying the dead letters. */
    public void acceptRefused(boolean accept) {
        this.acceptRefused = accept;
    }

    @Override
    public String topic() {
        return Topics.REGISTRY_COMMUNITIES;
    }

    @Override
    public Class<CommunitySnapshotV1> type() {
        return CommunitySnapshotV1.class;
    }

    @Override
    public void apply(List<CommunitySnapshotV1> snapshots) {
        snapshots.forEach(this::remember);
    }

    private void remember(CommunitySnapshotV1 snapshot) {
        if (snapshot.name().equals("POISON")) {
            throw new IllegalStateException("this community cannot be applied");
        }
        if (snapshot.name().equals("REFUSED") && !acceptRefused) {
            throw RuleViolation.of(new Rejection("P1", "community " + snapshot.code() + " is refused by the test rule"));
        }
        em.createNativeQuery("insert into seen_community (code, name, revision) values (:c, :n, :r)")
                .setParameter("c", snapshot.code())
                .setParameter("n", snapshot.name())
                .setParameter("r", snapshot.revision())
                .executeUpdate();
    }
}

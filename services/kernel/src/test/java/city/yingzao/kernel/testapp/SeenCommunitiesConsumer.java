package city.yingzao.kernel.testapp;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A downstream consumer as services write them: one effect per event, applied once. A community
 * named {@code POISON} makes the effect fail every time, to exercise retries and the dead-letter topic.
 */
@ApplicationScoped
public class SeenCommunitiesConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    @Incoming("communities")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, CommunitySnapshotV1.class, this::remember);
    }

    private void remember(CommunitySnapshotV1 snapshot) {
        if (snapshot.name().equals("POISON")) {
            throw new IllegalStateException("this community cannot be applied");
        }
        em.createNativeQuery("insert into seen_community (code, name, revision) values (:c, :n, :r)")
                .setParameter("c", snapshot.code())
                .setParameter("n", snapshot.name())
                .setParameter("r", snapshot.revision())
                .executeUpdate();
    }
}

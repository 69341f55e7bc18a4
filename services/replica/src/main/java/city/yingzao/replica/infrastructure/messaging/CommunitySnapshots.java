package city.yingzao.replica.infrastructure.messaging;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.replica.infrastructure.ReplicaRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** {@code registry.communities} into the replica, a poll at a time (channel {@code registry-communities}, batch). */
@ApplicationScoped
public class CommunitySnapshots implements EventHandler<CommunitySnapshotV1> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaRepository repository;

    @Incoming("registry-communities")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(records, this);
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
        repository.replaceCommunities(snapshots);
    }
}

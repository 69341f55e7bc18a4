package city.yingzao.replica.infrastructure.messaging;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.replica.infrastructure.ReplicaRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** {@code registry.households} into the replica, a poll at a time (channel {@code registry-households}, batch). */
@ApplicationScoped
public class HouseholdSnapshots implements EventHandler<HouseholdSnapshotV1> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaRepository repository;

    @Incoming("registry-households")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(records, this);
    }

    @Override
    public String topic() {
        return Topics.REGISTRY_HOUSEHOLDS;
    }

    @Override
    public Class<HouseholdSnapshotV1> type() {
        return HouseholdSnapshotV1.class;
    }

    @Override
    public void apply(List<HouseholdSnapshotV1> snapshots) {
        repository.replaceHouseholds(snapshots);
    }
}

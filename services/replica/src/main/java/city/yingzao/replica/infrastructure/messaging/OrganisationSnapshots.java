package city.yingzao.replica.infrastructure.messaging;

import city.yingzao.contracts.Topics;
import city.yingzao.contracts.registry.OrganisationSnapshotV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.replica.infrastructure.ReplicaRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** {@code registry.organisations} into the replica, a poll at a time (channel {@code registry-organisations}, batch). */
@ApplicationScoped
public class OrganisationSnapshots implements EventHandler<OrganisationSnapshotV1> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaRepository repository;

    @Incoming("registry-organisations")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(records, this);
    }

    @Override
    public String topic() {
        return Topics.REGISTRY_ORGANISATIONS;
    }

    @Override
    public Class<OrganisationSnapshotV1> type() {
        return OrganisationSnapshotV1.class;
    }

    @Override
    public void apply(List<OrganisationSnapshotV1> snapshots) {
        repository.replaceOrganisations(snapshots);
    }
}

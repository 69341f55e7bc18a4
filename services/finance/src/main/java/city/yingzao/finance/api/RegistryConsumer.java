package city.yingzao.finance.api;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.finance.application.ReplicaService;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local copy of the registry's communities (allocations, F2-F4) and households (votes, F7). */
@ApplicationScoped
public class RegistryConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaService replica;

    @Incoming("communities")
    @Blocking
    public void community(ConsumerRecord<String, String> record) {
        consumer.apply(record, CommunitySnapshotV1.class, replica::apply);
    }

    @Incoming("households")
    @Blocking
    public void household(ConsumerRecord<String, String> record) {
        consumer.apply(record, HouseholdSnapshotV1.class, replica::apply);
    }
}

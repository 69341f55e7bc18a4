package city.yingzao.deliberation.infrastructure;

import city.yingzao.contracts.registry.CommunitySnapshotV1;
import city.yingzao.contracts.registry.HouseholdSnapshotV1;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the registry replica from {@code registry.communities} and {@code registry.households}:
 * each event applied once (its id recorded with the effect), failures retried, then dead-lettered.
 */
@ApplicationScoped
public class RegistryConsumers {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    RegistryReplica replica;

    @Incoming("communities")
    @Blocking
    public void onCommunity(ConsumerRecord<String, String> record) {
        consumer.apply(record, CommunitySnapshotV1.class, replica::replace);
    }

    @Incoming("households")
    @Blocking
    public void onHousehold(ConsumerRecord<String, String> record) {
        consumer.apply(record, HouseholdSnapshotV1.class, replica::replace);
    }
}

package city.yingzao.training.infrastructure.messaging;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.grants.ProjectClosedV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.training.infrastructure.MapStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** T4: a grant project closed becomes an outcome of its target community; the topic's other event types are read and ignored. */
@ApplicationScoped
public class GrantProjects implements EventHandler<IntegrationEvent> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MapStore map;

    @Incoming("grants-projects")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    @Override
    public String topic() {
        return Topics.GRANTS_PROJECTS;
    }

    @Override
    public Class<IntegrationEvent> type() {
        return IntegrationEvent.class;
    }

    @Override
    public Class<? extends IntegrationEvent> typeOf(String ceType) {
        return EventTypes.payloadOf(ceType, ProjectClosedV1.class);
    }

    @Override
    public void apply(List<IntegrationEvent> events) {
        for (IntegrationEvent event : events) {
            if (event instanceof ProjectClosedV1 p) {
                map.outcome("GRANT_PROJECT", p.projectId(), p.targetCode(), p.title(), p.outcome(), p.occurredAt());
            }
        }
    }
}

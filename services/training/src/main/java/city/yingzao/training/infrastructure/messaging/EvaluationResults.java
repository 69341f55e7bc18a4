package city.yingzao.training.infrastructure.messaging;

import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import city.yingzao.training.infrastructure.MapStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** T4: an evaluation's grade becomes an outcome of its community; appeals on the topic are read and ignored. */
@ApplicationScoped
public class EvaluationResults implements EventHandler<IntegrationEvent> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    MapStore map;

    @Incoming("evaluation-results")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    @Override
    public String topic() {
        return Topics.EVALUATION_RESULTS;
    }

    @Override
    public Class<IntegrationEvent> type() {
        return IntegrationEvent.class;
    }

    @Override
    public Class<? extends IntegrationEvent> typeOf(String ceType) {
        return EventTypes.payloadOf(ceType, EvaluationCompletedV1.class);
    }

    @Override
    public void apply(List<IntegrationEvent> events) {
        for (IntegrationEvent event : events) {
            if (event instanceof EvaluationCompletedV1 e && e.communityCode() != null) {
                map.outcome("EVALUATION", e.evaluationId(), e.communityCode(), e.kind() + " evaluation " + e.frameworkVersion(),
                        e.grade() + (e.passed() ? " (passed)" : " (not passed)"), e.occurredAt());
            }
        }
    }
}

package city.yingzao.grants.infrastructure.messaging;

import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.grants.domain.EvaluationEvidence;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * G4: {@code evaluation.results}. A final, passed MID_TERM or FINAL evaluation releases the tranche
 * waiting for it (once: a redelivery is skipped by the idempotent consumer, the same result under another
 * event id finds the tranche released, and the release's primary key guards the rest); a failed one holds
 * it and says why; an opened appeal holds it until the appeal is decided. A decided appeal is followed by
 * a new EvaluationCompleted when the result changes, so it needs nothing here.
 */
@ApplicationScoped
public class EvaluationResults implements EventHandler<IntegrationEvent> {

    @Inject
    IdempotentConsumer consumer;

    /** Observed by the release use case, synchronously, inside the consumer's transaction. */
    @Inject
    Event<EvaluationEvidence> evidence;

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
        if (EventType.APPEAL_OPENED.ceType().equals(ceType)) {
            return AppealOpenedV1.class;
        }
        if (EventType.APPEAL_DECIDED.ceType().equals(ceType)) {
            return AppealDecidedV1.class;
        }
        return EvaluationCompletedV1.class;
    }

    @Override
    public void apply(List<IntegrationEvent> events) {
        for (IntegrationEvent e : events) {
            if (e instanceof EvaluationCompletedV1 c) {
                evidence.fire(new EvaluationEvidence(c.evaluationId(), c.projectId(), c.kind(), c.passed(), false, c.grade(), c.occurredAt()));
            } else if (e instanceof AppealOpenedV1 a) {
                evidence.fire(new EvaluationEvidence(a.evaluationId(), a.projectId(), a.kind(), false, true, null, a.occurredAt()));
            }
        }
    }
}

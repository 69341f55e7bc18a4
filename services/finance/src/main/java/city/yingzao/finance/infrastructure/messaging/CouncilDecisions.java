package city.yingzao.finance.infrastructure.messaging;

import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.finance.infrastructure.ProjectStore;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * The councils' decisions from {@code deliberation.resolutions}, which carries two event types told
 * apart by {@code ce_type}: an adopted resolution on a fund project is what its step 4 waits for
 * (F6); a rejected motion is recorded so the project shows that its motion failed. Each decision is
 * kept once (a second delivery, or the same decision under another event id, changes nothing).
 */
@ApplicationScoped
public class CouncilDecisions implements EventHandler<IntegrationEvent> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProjectStore projects;

    @Incoming("resolutions")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
    }

    @Override
    public String topic() {
        return Topics.DELIBERATION_RESOLUTIONS;
    }

    @Override
    public Class<IntegrationEvent> type() {
        return IntegrationEvent.class;
    }

    /** A rejected motion by its type; anything else is read as a resolution, and what is not one is dead-lettered. */
    @Override
    public Class<? extends IntegrationEvent> typeOf(String ceType) {
        return EventType.MOTION_REJECTED.ceType().equals(ceType) ? MotionRejectedV1.class : ResolutionAdoptedV1.class;
    }

    @Override
    public void apply(List<IntegrationEvent> decisions) {
        for (IntegrationEvent decision : decisions) {
            if (decision instanceof ResolutionAdoptedV1 r) {
                projects.recordDecision(r.resolutionId(), "ADOPTED", r.communityCode(), r.councilLevel(), r.subjectType(), r.subjectRef(),
                        r.title(), null, r.adoptedAt());
            } else if (decision instanceof MotionRejectedV1 m) {
                projects.recordDecision(m.motionId(), "REJECTED", m.communityCode(), m.councilLevel(), m.subjectType(), m.subjectRef(),
                        m.title(), m.reason(), m.decidedAt());
            }
        }
    }
}

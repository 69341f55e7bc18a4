package city.yingzao.finance.api;

import city.yingzao.contracts.CloudEventHeaders;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.deliberation.MotionRejectedV1;
import city.yingzao.contracts.deliberation.ResolutionAdoptedV1;
import city.yingzao.finance.application.ReplicaService;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;

/**
 * Reads the councils' decisions (deliberation.resolutions carries two event types, told apart by
 * {@code ce_type}): an adopted resolution on a fund project opens its step 4 (F6); a rejected
 * motion is only recorded.
 */
@ApplicationScoped
public class ResolutionConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaService replica;

    @Incoming("resolutions")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        if (EventType.MOTION_REJECTED.ceType().equals(ceType)) {
            consumer.apply(record, MotionRejectedV1.class, replica::apply);
        } else {
            // ResolutionAdopted, or a record without a type: the consumer checks it and dead-letters what it cannot read
            consumer.apply(record, ResolutionAdoptedV1.class, replica::apply);
        }
    }
}

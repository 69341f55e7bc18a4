package city.yingzao.certificates.infrastructure.messaging;

import city.yingzao.certificates.infrastructure.CertificateRepository;
import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * {@code training.certifications} into the copy, a poll at a time (channel
 * {@code training-certifications}, batch). The topic carries six event types told apart by
 * {@code ce_type}; every one of them leaves the certificate in a state the copy keeps.
 */
@ApplicationScoped
public class CertificationEvents implements EventHandler<CertificationEvent> {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    CertificateRepository repository;

    @Incoming("training-certifications")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        consumer.applyBatch(records, this);
    }

    @Override
    public String topic() {
        return Topics.TRAINING_CERTIFICATIONS;
    }

    @Override
    public Class<CertificationEvent> type() {
        return CertificationEvent.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends CertificationEvent> typeOf(String ceType) {
        if (ceType == null) {
            throw new IllegalArgumentException("a record of " + topic() + " without ce_type");
        }
        Class<?> payload = EventType.ofCeType(ceType).payloadType();
        if (!CertificationEvent.class.isAssignableFrom(payload)) {
            throw new IllegalArgumentException(ceType + " is not a certification event");
        }
        return (Class<? extends CertificationEvent>) payload;
    }

    @Override
    public void apply(List<CertificationEvent> events) {
        repository.apply(events);
    }
}

package city.yingzao.evaluation.infrastructure.messaging;

import city.yingzao.contracts.EventType;
import city.yingzao.contracts.Topics;
import city.yingzao.contracts.training.CertificationEvent;
import city.yingzao.contracts.training.CertificationExpiredV1;
import city.yingzao.contracts.training.CertificationGrantedV1;
import city.yingzao.contracts.training.CertificationReinstatedV1;
import city.yingzao.contracts.training.CertificationRenewedV1;
import city.yingzao.contracts.training.CertificationRevokedV1;
import city.yingzao.contracts.training.CertificationSuspendedV1;
import city.yingzao.evaluation.infrastructure.EvaluatorCertificates;
import city.yingzao.kernel.inbox.EventHandler;
import city.yingzao.kernel.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Map;

/** Certificates from {@code training.certifications}: one row per certificate with its status (E2). */
@ApplicationScoped
public class Certifications implements EventHandler<CertificationEvent> {

    private static final Map<String, Class<? extends CertificationEvent>> TYPES = Map.of(
            EventType.of(CertificationGrantedV1.class).ceType(), CertificationGrantedV1.class,
            EventType.of(CertificationRenewedV1.class).ceType(), CertificationRenewedV1.class,
            EventType.of(CertificationExpiredV1.class).ceType(), CertificationExpiredV1.class,
            EventType.of(CertificationSuspendedV1.class).ceType(), CertificationSuspendedV1.class,
            EventType.of(CertificationReinstatedV1.class).ceType(), CertificationReinstatedV1.class,
            EventType.of(CertificationRevokedV1.class).ceType(), CertificationRevokedV1.class);

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EvaluatorCertificates certificates;

    @Incoming("certifications")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(record, this);
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
    public Class<? extends CertificationEvent> typeOf(String ceType) {
        return TYPES.getOrDefault(ceType, CertificationGrantedV1.class);
    }

    @Override
    public void apply(List<CertificationEvent> events) {
        for (CertificationEvent e : events) {
            String status = e.leavesCertified() ? "CURRENT"
                    : e instanceof CertificationExpiredV1 ? "EXPIRED"
                    : e instanceof CertificationSuspendedV1 ? "SUSPENDED" : "REVOKED";
            certificates.apply(e.certificateCode(), e.personId(), e.holderName(), e.holderOrganisation(), e.scheme(), status,
                    e.validFrom(), e.validUntil(), e.occurredAt());
        }
    }
}

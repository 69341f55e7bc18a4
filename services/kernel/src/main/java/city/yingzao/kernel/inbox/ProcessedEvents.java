package city.yingzao.kernel.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The record of event ids a service has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the event id in the current transaction.
     *
     * @return true the first time, false when the id was already recorded (a duplicate delivery)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstTime(UUID eventId, String topic) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, topic, processed_at) values (:id, :topic, now())
                on conflict (event_id) do nothing""")
                .setParameter("id", eventId)
                .setParameter("topic", topic)
                .executeUpdate() == 1;
    }

    @Transactional
    public boolean seen(UUID eventId) {
        return em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult() instanceof Number n && n.longValue() > 0;
    }
}

package city.yingzao.kernel.inbox;

import city.yingzao.contracts.IntegrationEvent;

import java.util.List;

/**
 * What a service does with the events of one topic. The consumer calls {@link #apply} inside the
 * transaction that records the events' ids, with only the events not applied before, in the order
 * they were read (per partition, the order of the producer's community). A handler that writes
 * set-based (one statement for the whole list) keeps a first load of millions of snapshots fast.
 *
 * <p>Handlers are CDI beans; {@link DeadLetterReplay} finds them by {@link #topic()} to replay a
 * service's dead letters through the same effect after a fix.
 *
 * @param <T> the event contract of the topic
 */
public interface EventHandler<T extends IntegrationEvent> {

    /** The topic whose events this handler applies. */
    String topic();

    /** The event contract records of the topic carry. */
    Class<T> type();

    /**
     * The contract of a record with this {@code ce_type} (null when the record has none); a topic that
     * carries several event types (e.g. {@code deliberation.resolutions}) tells them apart here.
     */
    default Class<? extends T> typeOf(String ceType) {
        return type();
    }

    /**
     * Applies events not seen before, inside the consumer's transaction. A refusal that can never
     * succeed (a rule, a constraint) should throw; the consumer then isolates the event that caused
     * it and dead-letters that one alone.
     */
    void apply(List<T> events);
}

package city.yingzao.contracts;

/**
 * An event one service publishes for others. Every payload record implements this, so the outbox
 * can derive the CloudEvents {@code type}, the topic, the record key and the subject from the
 * payload alone.
 */
public interface IntegrationEvent {

    /**
     * The community code this event is about: the CloudEvents {@code subject} and the partition key.
     * Null only for events about a person rather than a community (certifications), which name their
     * own {@link #partitionKey()}.
     */
    String communityCode();

    /**
     * What orders this event among others: the outbox sends events with the same partition key to
     * the same partition, in order, and uses it as the CloudEvents {@code subject}. The community
     * code, except for events about a person (key = person id).
     */
    default String partitionKey() {
        return communityCode();
    }

    /**
     * The Kafka record key. For per-community snapshots this is the community code; for entities
     * below a community (households) it is {@code communityCode:entityCode}, so compaction keeps one
     * record per entity while the partition still follows the community code.
     */
    default String recordKey() {
        return communityCode();
    }
}

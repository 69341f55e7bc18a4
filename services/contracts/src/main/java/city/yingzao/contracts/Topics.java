package city.yingzao.contracts;

/** Kafka topic names. One place, so a topic is never spelled twice. See {@code docs/events.md}. */
public final class Topics {

    /** Compacted: the latest full snapshot of each community, key = community code. */
    public static final String REGISTRY_COMMUNITIES = "registry.communities";
    /** Compacted: the latest snapshot of each household, key = {@code communityCode:householdCode}. */
    public static final String REGISTRY_HOUSEHOLDS = "registry.households";

    /** Suffix of the dead-letter topic that receives what a consumer could not process after its retries. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}

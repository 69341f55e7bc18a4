package city.yingzao.contracts;

/** Kafka topic names. One place, so a topic is never spelled twice. See {@code docs/events.md}. */
public final class Topics {

    /** Compacted: the latest full snapshot of each community, key = community code. */
    public static final String REGISTRY_COMMUNITIES = "registry.communities";
    /** Compacted: the latest snapshot of each household, key = {@code communityCode:householdCode}. */
    public static final String REGISTRY_HOUSEHOLDS = "registry.households";

    /** Council resolutions that took effect after publicity, and motions that failed; key = community code. */
    public static final String DELIBERATION_RESOLUTIONS = "deliberation.resolutions";
    /** Annual allocations per community and fund year; key = {@code communityCode:fundYear}. */
    public static final String FINANCE_ALLOCATIONS = "finance.allocations";
    /** Fund-use projects' steps (F6); key = community code. */
    public static final String FINANCE_PROJECTS = "finance.projects";
    /** Ledger entries of the communities' dedicated accounts; key = community code. */
    public static final String FINANCE_LEDGER = "finance.ledger";

    /** Suffix of the dead-letter topics that receive what a consumer could not apply. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consuming service for one topic, {@code <topic>.<service>.dlq}: each
     * service has its own, so an operator sees which service failed and replays only its letters.
     */
    public static String deadLetterOf(String topic, String consumingService) {
        return topic + "." + consumingService + DEAD_LETTER_SUFFIX;
    }
}

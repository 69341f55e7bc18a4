package city.yingzao.contracts;

/** Kafka topic names. One place, so a topic is never spelled twice. See {@code docs/events.md}. */
public final class Topics {

    /** Compacted: the latest full snapshot of each community, key = community code. */
    public static final String REGISTRY_COMMUNITIES = "registry.communities";
    /** Compacted: the latest snapshot of each household, key = {@code communityCode:householdCode}. */
    public static final String REGISTRY_HOUSEHOLDS = "registry.households";

    /** Compacted: the latest snapshot of each organisation (P4), key = {@code communityCode:organisationCode}. */
    public static final String REGISTRY_ORGANISATIONS = "registry.organisations";

    /** Council resolutions that took effect after publicity, and motions that failed; key = community code. */
    public static final String DELIBERATION_RESOLUTIONS = "deliberation.resolutions";
    /** Annual allocations per community and fund year; key = {@code communityCode:fundYear}. */
    public static final String FINANCE_ALLOCATIONS = "finance.allocations";
    /** Fund-use projects' steps (F6); key = community code. */
    public static final String FINANCE_PROJECTS = "finance.projects";
    /** Ledger entries of the communities' dedicated accounts; key = community code. */
    public static final String FINANCE_LEDGER = "finance.ledger";

    /** Certificates granted, renewed, expired, suspended, reinstated, revoked (T3); key = person id. */
    public static final String TRAINING_CERTIFICATIONS = "training.certifications";
    /** Grant applications submitted and decided (G2-G4); key = target (community, street or district) code. */
    public static final String GRANTS_APPLICATIONS = "grants.applications";
    /** Grant projects started, supervision teams, tranches released, projects closed (G4, G5); key = target code. */
    public static final String GRANTS_PROJECTS = "grants.projects";
    /** Evaluation results once final, appeals opened and decided (E5, E6); key = community (target) code. */
    public static final String EVALUATION_RESULTS = "evaluation.results";

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

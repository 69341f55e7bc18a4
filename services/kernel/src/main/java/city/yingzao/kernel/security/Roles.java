package city.yingzao.kernel.security;

/** The realm roles of Keycloak realm {@code yingzao}. */
public final class Roles {

    public static final String CITY_OPERATOR = "city-operator";
    public static final String DISTRICT_OPERATOR = "district-operator";
    public static final String COMMUNITY_STAFF = "community-staff";
    public static final String PARTY_REVIEWER = "party-reviewer";
    public static final String COUNCIL_MEMBER = "council-member";
    public static final String RESIDENT = "resident";
    public static final String AGENCY = "agency";
    public static final String REVIEWER = "reviewer";
    public static final String EVALUATOR = "evaluator";
    public static final String SUPERVISOR = "supervisor";
    public static final String TRAINER = "trainer";
    public static final String AUDITOR = "auditor";

    /** Every realm role, in the order above. */
    public static final java.util.List<String> ALL = java.util.List.of(CITY_OPERATOR, DISTRICT_OPERATOR, COMMUNITY_STAFF,
            PARTY_REVIEWER, COUNCIL_MEMBER, RESIDENT, AGENCY, REVIEWER, EVALUATOR, SUPERVISOR, TRAINER, AUDITOR);

    private Roles() {
    }
}

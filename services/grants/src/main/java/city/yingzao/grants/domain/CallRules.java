package city.yingzao.grants.domain;

import city.yingzao.contracts.grants.GrantTarget;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a call asks of its applications (G1, G2, G7), frozen when the call is opened.
 *
 * @param targetKind               COMMUNITY, or STREET / DISTRICT for a platform call (G7)
 * @param districtsInScope         the districts whose targets may apply; empty means the whole city
 * @param pivotCategories          the pivot categories the call funds (P3); empty means all
 * @param organisationTypes        the registry organisation types that may apply
 * @param minRegistrationMonths    how long the organisation must have been registered on the closing day
 * @param maxAmountFen             the largest amount one application may ask for
 * @param allowMultiplePerOrganisation whether an organisation may have more than one application in the call
 * @param closesOn                 the last day of submissions (Asia/Shanghai)
 */
public record CallRules(GrantTarget targetKind, Set<String> districtsInScope, Set<PivotCategory> pivotCategories,
                        Set<String> organisationTypes, int minRegistrationMonths, long maxAmountFen,
                        boolean allowMultiplePerOrganisation, LocalDate closesOn) {

    public CallRules {
        districtsInScope = Set.copyOf(districtsInScope);
        pivotCategories = Set.copyOf(pivotCategories);
        organisationTypes = Set.copyOf(organisationTypes);
    }

    public static final List<String> DEFAULT_ORGANISATION_TYPES = List.of("SOCIAL_ORGANISATION", "SOCIAL_ENTERPRISE", "FOUNDATION");
}

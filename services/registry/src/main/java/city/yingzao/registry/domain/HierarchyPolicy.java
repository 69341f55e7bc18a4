package city.yingzao.registry.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;
import java.util.Set;

/**
 * P1: the territory is a strict hierarchy. A street belongs to an existing district, a community to
 * an existing street; a courtyard's group and a household's group and courtyard belong to the same
 * community as they do. A reference that does not hold is a rejection, never a dangling row.
 */
public final class HierarchyPolicy {

    public static final String RULE = "P1";

    private HierarchyPolicy() {
    }

    /** The parent a new unit names must exist: {@code exists("street", "999", false)} → "P1: street 999 does not exist". */
    public static Optional<Rejection> parentExists(String level, String code, boolean exists) {
        return exists ? Optional.empty() : Optional.of(new Rejection(RULE, level + " " + code + " does not exist"));
    }

    /** A resident group named by a courtyard or household must be one of the community's own groups. */
    public static Optional<Rejection> groupOfCommunity(String communityCode, String groupCode, Set<String> groupsOfCommunity) {
        return groupsOfCommunity.contains(groupCode) ? Optional.empty()
                : Optional.of(new Rejection(RULE, "resident group " + groupCode + " is not a group of community " + communityCode));
    }

    /** A courtyard named by a household must be one of the community's own courtyards. */
    public static Optional<Rejection> courtyardOfCommunity(String communityCode, String courtyardCode, Set<String> courtyardsOfCommunity) {
        return courtyardsOfCommunity.contains(courtyardCode) ? Optional.empty()
                : Optional.of(new Rejection(RULE, "courtyard " + courtyardCode + " is not a courtyard of community " + communityCode));
    }
}

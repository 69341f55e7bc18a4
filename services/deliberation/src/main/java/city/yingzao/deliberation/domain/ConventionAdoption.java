package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D12: a convention is versioned, and a version takes effect only through a council resolution
 * about that convention (subject {@code CONVENTION}, reference = the convention id) that has
 * completed its publicity. Staff draft versions; nobody adopts one by hand.
 */
public final class ConventionAdoption {

    public static final String RULE = "D12";

    private ConventionAdoption() {
    }

    // D12: only a resolution about this convention adopts its draft
    public static boolean adopts(SubjectType subjectType, String subjectRef, String conventionId) {
        return subjectType == SubjectType.CONVENTION && conventionId.equals(subjectRef);
    }

    // D12: a proposal about a convention needs a draft version to decide on
    public static Optional<Rejection> draftToDecide(String conventionId, Optional<Integer> draftVersion) {
        return draftVersion.isPresent() ? Optional.empty()
                : Optional.of(new Rejection(RULE, "convention " + conventionId + " has no draft version to adopt"));
    }

    // D12: a courtyard compact names its courtyard; other conventions do not
    public static Optional<Rejection> courtyardNamed(ConventionKind kind, String courtyardCode) {
        boolean named = courtyardCode != null;
        if (kind == ConventionKind.COURTYARD_COMPACT && !named) {
            return Optional.of(new Rejection(RULE, "a courtyard compact 院落公约 names its courtyard"));
        }
        if (kind != ConventionKind.COURTYARD_COMPACT && named) {
            return Optional.of(new Rejection(RULE, "only a courtyard compact names a courtyard"));
        }
        return Optional.empty();
    }
}

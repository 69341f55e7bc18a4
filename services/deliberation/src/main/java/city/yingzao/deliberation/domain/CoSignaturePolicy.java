package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * D4: residents put an item on the agenda jointly, at least 10 (configurable) distinct residents of
 * the community, each a member of a household registered there. The filer's own signature counts;
 * a resident signs once.
 */
public final class CoSignaturePolicy {

    public static final String RULE = "D4";

    private CoSignaturePolicy() {
    }

    // D4: a co-signer is a resident of that community, with a registered, active household
    public static Optional<Rejection> mayCoSign(String personId, String communityCode, boolean residentOfCommunity,
            Optional<String> household, boolean householdRegisteredThere) {
        if (!residentOfCommunity) {
            return Optional.of(new Rejection(RULE, personId + " is not a resident of community " + communityCode));
        }
        if (household.isEmpty() || !householdRegisteredThere) {
            return Optional.of(new Rejection(RULE, personId + " belongs to no household registered in community "
                    + communityCode + (household.map(h -> " (" + h + ")").orElse(""))));
        }
        return Optional.empty();
    }

    // D4: ≥ 10 distinct residents before the proposal goes to review
    public static boolean enough(long signatures, long needed) {
        return signatures >= needed;
    }

    /** "D4: 7 of 10 co-signatures": why a proposal still collecting cannot be reviewed. */
    public static Rejection notEnough(long signatures, long needed) {
        return new Rejection(RULE, signatures + " of " + needed + " co-signatures of residents, the proposal cannot be reviewed yet");
    }
}

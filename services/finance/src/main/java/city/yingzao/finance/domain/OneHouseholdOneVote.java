package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * F7: each registered household casts at most one ballot per round, online or on paper, whoever in
 * the household casts it; the first recorded counts and a later one is refused naming the channel
 * that already voted. Ballots are approval ballots: a household approves any subset of the round's
 * candidate projects (none is a valid, blank ballot).
 */
public final class OneHouseholdOneVote {

    private OneHouseholdOneVote() {
    }

    // F7: an approval ballot names only the round's candidates, each at most once
    public static Optional<Rejection> checkApprovals(Collection<String> candidates, List<String> approvals) {
        Set<String> seen = new HashSet<>();
        for (String projectId : approvals) {
            if (!candidates.contains(projectId)) {
                return Optional.of(new Rejection("F7", "project " + projectId + " is not a candidate of this round"));
            }
            if (!seen.add(projectId)) {
                return Optional.of(new Rejection("F7", "project " + projectId + " is approved twice on one ballot"));
            }
        }
        return Optional.empty();
    }

    // F7: the household already voted; the first recorded ballot counts
    public static Rejection alreadyVoted(String householdCode, BallotChannel firstChannel) {
        return new Rejection("F7", "household " + householdCode + " already voted (" + firstChannel.label() + ") in this round");
    }

    // F7: only the registry's active households of the community vote
    public static Rejection notRegistered(String householdCode, String communityCode) {
        return new Rejection("F7", "household " + householdCode + " is not an active registered household of community "
                + communityCode);
    }

    // F7: a paper entry made in error is voided by a second person, never by the one who entered it
    public static Optional<Rejection> checkVoid(String householdCode, BallotChannel channel, String enteredBy, String voidedBy) {
        if (channel != BallotChannel.PAPER) {
            return Optional.of(new Rejection("F7", "household " + householdCode + " voted online; only a paper entry made in "
                    + "error can be voided, an online ballot is the household's own"));
        }
        if (enteredBy.equals(voidedBy)) {
            return Optional.of(new Rejection("F7", "the paper ballot of household " + householdCode + " was entered by "
                    + enteredBy + "; a second person must void it"));
        }
        return Optional.empty();
    }

    // F7 turnout: ballots counted (voided excluded) against the registered households, in percent to one decimal
    public static Double turnoutPercent(long ballots, long registeredHouseholds) {
        if (registeredHouseholds <= 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf(ballots * 100L).divide(java.math.BigDecimal.valueOf(registeredHouseholds), 1,
                java.math.RoundingMode.HALF_UP).doubleValue();
    }
}

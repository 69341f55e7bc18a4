package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * D1: the count of an election 选举. Group council members are elected directly by the group's
 * residents; community council members are chosen from the group councils' members. The
 * {@code seats} candidates with most votes are elected; a tie across the last seat cannot be
 * decided by the platform (a run-off is held and recorded as a new election).
 */
public final class Election {

    public static final String RULE = "D1";

    private Election() {
    }

    /** A candidate 候选人 and the votes they received. */
    public record Candidate(String personId, String groupCode, boolean cadre, int votes) {
    }

    /** Who is elected, or why the count cannot say. */
    public record Count(List<Candidate> elected, Optional<Rejection> rejection) {
    }

    // D1: the seats go to the candidates with most votes; no person twice; votes ≤ voters
    public static Count count(List<Candidate> candidates, int seats, int voters) {
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (!seen.add(c.personId())) {
                return refused(c.personId() + " is listed twice");
            }
            if (c.votes() > voters) {
                return refused(c.personId() + " has " + c.votes() + " votes but only " + voters + " residents voted");
            }
        }
        if (candidates.size() < seats) {
            return refused(seats + " seats need at least " + seats + " candidates, " + candidates.size() + " stood");
        }
        List<Candidate> ranked = candidates.stream().sorted(Comparator.comparingInt(Candidate::votes).reversed()).toList();
        if (ranked.size() > seats && ranked.get(seats - 1).votes() == ranked.get(seats).votes()) {
            return refused("tie at the last seat (" + ranked.get(seats - 1).votes() + " votes): hold a run-off");
        }
        return new Count(ranked.subList(0, seats), Optional.empty());
    }

    // D1: a community council member is chosen from the members of the group councils
    public static Optional<Rejection> chosenFromGroupCouncil(String personId, Optional<String> groupCouncilSeat) {
        return groupCouncilSeat.isPresent() ? Optional.empty()
                : Optional.of(new Rejection(RULE, personId + " holds no seat on a resident-group council of this community"));
    }

    private static Count refused(String reason) {
        return new Count(List.of(), Optional.of(new Rejection(RULE, reason)));
    }
}

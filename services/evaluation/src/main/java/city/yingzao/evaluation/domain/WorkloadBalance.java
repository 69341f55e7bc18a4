package city.yingzao.evaluation.domain;

import java.util.Comparator;
import java.util.List;

/**
 * E3 (assignment): among eligible evaluators, those with the fewest open assignments are chosen
 * first, ties broken by id so the choice is the same on every replica.
 */
public final class WorkloadBalance {

    private WorkloadBalance() {
    }

    public record Candidate(String evaluatorId, int openAssignments) {
    }

    public static List<String> choose(List<Candidate> eligible, int wanted) {
        return eligible.stream()
                .sorted(Comparator.comparingInt(Candidate::openAssignments).thenComparing(Candidate::evaluatorId))
                .limit(Math.max(0, wanted))
                .map(Candidate::evaluatorId)
                .toList();
    }
}

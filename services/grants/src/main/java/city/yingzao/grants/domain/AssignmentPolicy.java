package city.yingzao.grants.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * G3: automatic assignment of N reviewers per application, balancing workload, never a conflicted
 * (hard or declared) reviewer. Applications with the fewest possible reviewers go first (so a scarce
 * reviewer is not used up elsewhere); each takes the reviewers with the lowest load so far, ties by person
 * id, so the result is deterministic. Existing assignments count towards the load and are kept.
 */
public final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    public record Pair(String applicationId, String personId) {
    }

    /** What the run assigned, and the applications that could not get N reviewers (how many are missing). */
    public record Result(List<Pair> assigned, Map<String, Integer> shortOf) {
    }

    // G3: N per application, least-loaded first, conflicted reviewers never assigned
    public static Result assign(List<ConflictPolicy.Applicant> applications, List<Reviewer> pool, int perApplication,
            Map<String, Set<String>> declared, Set<Pair> existing) {
        Map<String, Integer> load = new HashMap<>();
        pool.forEach(r -> load.put(r.personId(), 0));
        Map<String, Set<String>> already = new HashMap<>();
        for (Pair p : existing) {
            load.merge(p.personId(), 1, Integer::sum);
            already.computeIfAbsent(p.applicationId(), k -> new HashSet<>()).add(p.personId());
        }
        record Candidates(ConflictPolicy.Applicant app, List<Reviewer> eligible) {
        }
        List<Candidates> work = new ArrayList<>(applications.size());
        for (ConflictPolicy.Applicant a : applications) {
            List<Reviewer> eligible = new ArrayList<>();
            for (Reviewer r : pool) {
                if (!ConflictPolicy.excluded(r, a, declared.getOrDefault(r.personId(), Set.of()))) {
                    eligible.add(r);
                }
            }
            work.add(new Candidates(a, eligible));
        }
        work.sort(Comparator.comparingInt((Candidates c) -> c.eligible().size()).thenComparing(c -> c.app().applicationId()));
        List<Pair> assigned = new ArrayList<>();
        Map<String, Integer> shortOf = new HashMap<>();
        for (Candidates c : work) {
            Set<String> has = already.getOrDefault(c.app().applicationId(), Set.of());
            int missing = perApplication - has.size();
            if (missing <= 0) {
                continue;
            }
            PriorityQueue<Reviewer> byLoad = new PriorityQueue<>(Comparator
                    .comparingInt((Reviewer r) -> load.get(r.personId())).thenComparing(Reviewer::personId));
            for (Reviewer r : c.eligible()) {
                if (!has.contains(r.personId())) {
                    byLoad.add(r);
                }
            }
            while (missing > 0 && !byLoad.isEmpty()) {
                Reviewer r = byLoad.poll();
                assigned.add(new Pair(c.app().applicationId(), r.personId()));
                load.merge(r.personId(), 1, Integer::sum);
                missing--;
            }
            if (missing > 0) {
                shortOf.put(c.app().applicationId(), missing);
            }
        }
        return new Result(assigned, shortOf);
    }
}

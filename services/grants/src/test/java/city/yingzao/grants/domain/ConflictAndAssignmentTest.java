package city.yingzao.grants.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictAndAssignmentTest {

    static final ConflictPolicy.Applicant APP = new ConflictPolicy.Applicant("a1", "ORG-1", "510104021001", "510104");

    @Test
    @DisplayName("G3 failing: own organisation and staff of the target are hard conflicts; a declared one excludes too")
    void hard() {
        Reviewer member = new Reviewer("r1", Set.of("ORG-1"), Set.of(), null, Set.of());
        Reviewer staff = new Reviewer("r2", Set.of(), Set.of("510104021001"), null, Set.of());
        Reviewer declared = new Reviewer("r3", Set.of(), Set.of(), null, Set.of());
        assertThat(ConflictPolicy.detect(member, APP, Set.of())).extracting(Conflict::level).containsExactly(Conflict.Level.HARD);
        assertThat(ConflictPolicy.detect(staff, APP, Set.of())).extracting(Conflict::level).containsExactly(Conflict.Level.HARD);
        assertThat(ConflictPolicy.detect(declared, APP, Set.of("a1"))).extracting(Conflict::level).containsExactly(Conflict.Level.DECLARED);
        assertThat(ConflictPolicy.excluded(member, APP, Set.of())).isTrue();
        assertThat(ConflictPolicy.excluded(staff, APP, Set.of())).isTrue();
        assertThat(ConflictPolicy.excluded(declared, APP, Set.of("a1"))).isTrue();
    }

    @Test
    @DisplayName("G3 passing: same district and past membership are soft conflicts that warn but do not exclude")
    void soft() {
        Reviewer neighbour = new Reviewer("r4", Set.of(), Set.of(), "510104", Set.of("ORG-1"));
        assertThat(ConflictPolicy.detect(neighbour, APP, Set.of())).extracting(Conflict::level)
                .containsExactly(Conflict.Level.SOFT, Conflict.Level.SOFT);
        assertThat(ConflictPolicy.excluded(neighbour, APP, Set.of())).isFalse();
        assertThat(ConflictPolicy.detect(new Reviewer("r5", Set.of("ORG-2"), Set.of("x"), "510106", Set.of()), APP, Set.of())).isEmpty();
    }

    @Test
    @DisplayName("G3 passing: N reviewers per application, workload balanced, conflicted reviewers never assigned, 437 x 3 over 40 fast")
    void assignment() {
        List<Reviewer> pool = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.add(new Reviewer(String.format("rev%02d", i), Set.of("ORG-" + (i % 20)), Set.of("C" + (i % 30)), "D" + (i % 5), Set.of()));
        }
        List<ConflictPolicy.Applicant> apps = new ArrayList<>();
        for (int i = 0; i < 437; i++) {
            apps.add(new ConflictPolicy.Applicant(String.format("app%03d", i), "ORG-" + (i % 50), "C" + (i % 60), "D" + (i % 5)));
        }
        Map<String, Set<String>> declared = Map.of("rev00", Set.of("app000"));
        long t0 = System.nanoTime();
        AssignmentPolicy.Result result = AssignmentPolicy.assign(apps, pool, 3, declared, Set.of());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isLessThan(500);
        assertThat(result.shortOf()).isEmpty();
        assertThat(result.assigned()).hasSize(437 * 3);
        Map<String, ConflictPolicy.Applicant> byId = new HashMap<>();
        apps.forEach(a -> byId.put(a.applicationId(), a));
        Map<String, Reviewer> reviewers = new HashMap<>();
        pool.forEach(r -> reviewers.put(r.personId(), r));
        Map<String, Integer> load = new HashMap<>();
        for (AssignmentPolicy.Pair p : result.assigned()) {
            assertThat(ConflictPolicy.excluded(reviewers.get(p.personId()), byId.get(p.applicationId()),
                    declared.getOrDefault(p.personId(), Set.of()))).isFalse();
            load.merge(p.personId(), 1, Integer::sum);
        }
        assertThat(result.assigned().stream().distinct().count()).isEqualTo(437 * 3);
        int max = load.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = load.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1); // 1,311 reviews over 40: 32 or 33 each
    }

    @Test
    @DisplayName("G3 passing: an application with too few conflict-free reviewers is reported short, existing assignments are kept")
    void shortAndExisting() {
        List<Reviewer> pool = List.of(new Reviewer("r1", Set.of("ORG-1"), Set.of(), null, Set.of()),
                new Reviewer("r2", Set.of(), Set.of(), null, Set.of()), new Reviewer("r3", Set.of(), Set.of(), null, Set.of()));
        AssignmentPolicy.Result r = AssignmentPolicy.assign(List.of(APP), pool, 3, Map.of(),
                Set.of(new AssignmentPolicy.Pair("a1", "r2")));
        assertThat(r.assigned()).containsExactly(new AssignmentPolicy.Pair("a1", "r3"));
        assertThat(r.shortOf()).containsEntry("a1", 1);
    }
}

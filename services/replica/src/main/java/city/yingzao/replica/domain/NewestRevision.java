package city.yingzao.replica.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The replica's one rule: of the snapshots of one entity, the one with the highest revision wins,
 * whatever order they arrive in (compacted topics are replayed, and a producer may publish twice).
 * The same rule holds in SQL against what is already held ({@code where held.revision < new.revision}).
 */
public final class NewestRevision {

    private NewestRevision() {
    }

    /** Keeps, per key, the snapshot with the highest revision; the first one seen on a tie. */
    public static <T, K> List<T> perKey(List<T> snapshots, Function<T, K> key, ToLongFunction<T> revision) {
        Map<K, T> newest = new LinkedHashMap<>();
        for (T s : snapshots) {
            newest.merge(key.apply(s), s, (held, candidate) ->
                    revision.applyAsLong(candidate) > revision.applyAsLong(held) ? candidate : held);
        }
        return new ArrayList<>(newest.values());
    }
}

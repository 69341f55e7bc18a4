package city.yingzao.registry.infrastructure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits large {@code in (...)} lists: PostgreSQL's protocol caps a statement at 32,767 parameters. */
final class Chunks {

    static final int SIZE = 1000;

    private Chunks() {
    }

    static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SIZE) {
            chunks.add(all.subList(i, Math.min(all.size(), i + SIZE)));
        }
        return chunks;
    }
}

package city.yingzao.registry.application;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API answers it. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <E, T> PageView<T> of(PanacheQuery<E> query, PageRequest request, Function<List<E>, List<T>> map) {
        List<E> rows = query.page(request.panachePage()).list();
        long total = query.count();
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageView<>(map.apply(rows), request.page(), request.size(), total, pages);
    }
}

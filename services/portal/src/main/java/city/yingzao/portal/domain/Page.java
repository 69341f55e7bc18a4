package city.yingzao.portal.domain;

import java.util.List;

/**
 * One page of a list the service paged (server-side; the portal never loads a whole city to cut it).
 * {@code page} counts from 0, as the services do; people read it from 1.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public int number() {
        return page + 1;
    }
}

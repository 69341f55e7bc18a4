package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import java.util.Locale;
import java.util.Map;

/**
 * A page of a list: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}, and a sort on one
 * of the fields the list allows (each has an index); the code always breaks ties, so pages never
 * overlap or skip.
 */
public record PageRequest(int page, int size, Sort sort) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /**
     * @param allowed API sort field → entity property, the whitelist of this list
     */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> allowed) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw Problems.invalid("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Problems.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s, sort(sort, allowed));
    }

    private static Sort sort(String sort, Map<String, String> allowed) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("code");
        }
        String[] parts = sort.split(",", -1);
        String property = allowed.get(parts[0].trim());
        if (property == null || parts.length > 2) {
            throw Problems.invalid("sort", "sort by one of " + String.join(", ", allowed.keySet().stream().sorted().toList())
                    + ", optionally followed by ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        Sort.Direction dir = switch (direction) {
            case "asc", "" -> Sort.Direction.Ascending;
            case "desc" -> Sort.Direction.Descending;
            default -> throw Problems.invalid("sort", "direction must be asc or desc");
        };
        Sort result = Sort.by(property, dir);
        return "code".equals(property) ? result : result.and("code", dir);
    }

    Page panachePage() {
        return Page.of(page, size);
    }
}

package city.yingzao.registry.api;

import city.yingzao.kernel.problem.Problems;

import java.util.Locale;

/**
 * Query parameters arrive as text and are converted here: a JAX-RS conversion failure on a query
 * parameter would answer 404, and a malformed filter is a 400 that names the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "must be a whole number");
        }
    }

    static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

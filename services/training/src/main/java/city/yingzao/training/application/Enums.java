package city.yingzao.training.application;

import city.yingzao.kernel.problem.Problems;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads an enum's name from a request, or answers 400 naming the allowed values. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }
}

package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problem.FieldError;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.domain.Codes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Collects every error of an import file, so the uploader fixes them all in one round. */
final class RowErrors {

    /** Enough for a person to act on; a file with more errors is usually the wrong file. */
    private static final int MAX_REPORTED = 1000;

    private final List<FieldError> errors = new ArrayList<>();
    private final Set<Integer> rows = new TreeSet<>();

    void add(int row, String field, String message) {
        rows.add(row);
        if (errors.size() < MAX_REPORTED) {
            errors.add(FieldError.atRow(row, field, message));
        }
    }

    boolean has(int row) {
        return rows.contains(row);
    }

    /** A required code: present and well-formed; returns it or null after recording the error. */
    String code(CsvTable.Row row, String column, Function<String, Boolean> valid, String shape) {
        String value = row.get(column);
        if (value == null) {
            add(row.line(), column, "is required");
            return null;
        }
        if (!valid.apply(value)) {
            add(row.line(), column, "must be " + shape);
            return null;
        }
        return value;
    }

    String code(CsvTable.Row row, String column) {
        return code(row, column, Codes::isCode, "2 to 32 letters, digits or hyphens");
    }

    String name(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            add(row.line(), column, "is required");
            return null;
        }
        if (value.length() > Codes.NAME_MAX) {
            add(row.line(), column, "must be at most " + Codes.NAME_MAX + " characters");
            return null;
        }
        return value;
    }

    Integer integer(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            add(row.line(), column, "is required");
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            add(row.line(), column, "must be a whole number, not " + value);
            return null;
        }
    }

    void throwIfAny() {
        if (!rows.isEmpty()) {
            // rows are checked in passes (fields, then references); report them in file order
            List<FieldError> inFileOrder = errors.stream().sorted(Comparator.comparing(FieldError::row)).toList();
            throw Problems.invalidRows(rows.size(), inFileOrder);
        }
    }
}

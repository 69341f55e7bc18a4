package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problem.FieldError;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.infrastructure.csv.CsvReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded CSV file with its header: columns are found by name (any order, extra columns
 * ignored), and each data row keeps the line number a person sees in a spreadsheet.
 */
final class CsvTable {

    record Row(int line, Map<String, String> values) {
        /** The trimmed value, or null when empty or absent. */
        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    /** Reads the file; a missing header column, malformed CSV or too many rows is a 422 with nothing imported. */
    static CsvTable parse(String text, List<String> requiredColumns, int maxRows) {
        List<CsvReader.Row> records;
        try {
            records = CsvReader.read(text == null ? "" : text);
        } catch (CsvReader.MalformedCsv e) {
            throw Problems.invalidRows(1, List.of(FieldError.atRow(e.line(), null, "not valid CSV: " + e.getMessage())));
        }
        if (records.isEmpty()) {
            throw Problems.invalidRows(1, List.of(FieldError.atRow(1, null,
                    "the file is empty; the header line " + String.join(",", requiredColumns) + " is required")));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<FieldError> missing = new ArrayList<>();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                missing.add(FieldError.atRow(records.get(0).line(), column, "header column " + column + " is missing"));
            }
        }
        if (!missing.isEmpty()) {
            throw Problems.invalidRows(1, missing);
        }
        if (records.size() - 1 > maxRows) {
            throw Problems.invalidRows(1, List.of(FieldError.atRow(records.get(maxRows + 1).line(), null,
                    "a file holds at most " + maxRows + " rows; split it")));
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (CsvReader.Row record : records.subList(1, records.size())) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.fields().size(); i++) {
                values.put(header.get(i), record.fields().get(i));
            }
            rows.add(new Row(record.line(), values));
        }
        return new CsvTable(rows);
    }
}

package city.yingzao.registry.infrastructure.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes, a doubled quote
 * inside quotes is a quote, quoted fields may hold commas and line breaks; CRLF or LF line ends;
 * a UTF-8 byte-order mark at the start is ignored. Blank lines are skipped. Records are numbered by
 * the line they start on, so that errors point at the line a person sees in a spreadsheet.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** One record and the line number (1-based, the header is line 1) it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /** Thrown for text that is not CSV (a quote never closed, text after a closing quote). */
    public static final class MalformedCsv extends RuntimeException {
        private final int line;

        MalformedCsv(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> read(String text) {
        String s = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean afterQuote = false; // a quoted field just closed: only a separator may follow
        boolean fieldStarted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(rows, fields, field, rowStart, fieldStarted || afterQuote);
                afterQuote = false;
                fieldStarted = false;
                line++;
                rowStart = line;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
                fieldStarted = true;
            } else if (afterQuote) {
                throw new MalformedCsv(line, "text after a closing quote");
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new MalformedCsv(rowStart, "a quoted field is never closed");
        }
        endRecord(rows, fields, field, rowStart, fieldStarted || afterQuote);
        return rows;
    }

    private static void endRecord(List<Row> rows, List<String> fields, StringBuilder field, int line, boolean hasContent) {
        if (hasContent || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }
}

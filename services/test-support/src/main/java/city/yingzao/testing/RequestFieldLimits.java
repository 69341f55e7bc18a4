package city.yingzao.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every text field of a service's request records is refused by validation (a 400 naming
 * the field) before it could be too long for the column that stores it (a 22001 from PostgreSQL).
 *
 * <p>Every {@code String} component of every record declared in the holder class (a service's
 * {@code Requests}) must be declared here: {@link #stores} names the {@code table.column} (or
 * several) it is written to, {@link #notStored} says why it never reaches a column as it came (an
 * enum name, a number in decimal, an id parsed first). A new field that is neither fails the check,
 * so nobody forgets to bound it. A stored field must carry {@code @Size(max = n)} or a
 * {@code @Pattern} of the form {@code [...]{m,n}}, and {@code n} must not exceed any of its columns'
 * {@code character_maximum_length} in {@code information_schema.columns}; {@code text} columns have none.
 *
 * <pre>{@code
 * RequestFieldLimits.of(Requests.class)
 *         .stores("ProjectRequest.title", "project.title")
 *         .notStored("ProjectRequest.category", "a SpendingCategory name")
 *         .check();
 * }</pre>
 */
public final class RequestFieldLimits {

    private static final Pattern BOUNDED_CLASS = Pattern.compile("^\\^?\\[[^\\]]+\\]\\{(\\d+),(\\d+)\\}\\$?$");

    private final Class<?> holder;
    private final Map<String, List<String>> stored = new LinkedHashMap<>();
    private final Map<String, String> notStored = new LinkedHashMap<>();

    private RequestFieldLimits(Class<?> holder) {
        this.holder = holder;
    }

    public static RequestFieldLimits of(Class<?> holder) {
        return new RequestFieldLimits(holder);
    }

    /** {@code Record.field} is written to these columns ({@code table.column}). */
    public RequestFieldLimits stores(String field, String... columns) {
        stored.put(field, List.of(columns));
        return this;
    }

    /** {@code Record.field} never reaches a column as sent; {@code why} says what becomes of it. */
    public RequestFieldLimits notStored(String field, String why) {
        notStored.put(field, why);
        return this;
    }

    /** The number of fields checked against a column; fails listing every problem found. */
    public int check() {
        List<String> problems = new ArrayList<>();
        Map<String, Field> fields = textFields();
        int checked = 0;
        for (String declared : stored.keySet()) {
            if (!fields.containsKey(declared)) {
                problems.add(declared + " is declared stored but is no text field of " + holder.getSimpleName());
            }
        }
        for (String declared : notStored.keySet()) {
            if (!fields.containsKey(declared)) {
                problems.add(declared + " is declared not stored but is no text field of " + holder.getSimpleName());
            }
        }
        try (Connection c = TestPostgres.connect()) {
            for (Map.Entry<String, Field> f : fields.entrySet()) {
                String name = f.getKey();
                if (notStored.containsKey(name)) {
                    continue;
                }
                List<String> columns = stored.get(name);
                if (columns == null) {
                    problems.add(name + " is neither declared stored (in which column?) nor not stored (why?)");
                    continue;
                }
                OptionalInt limit = limit(f.getValue());
                if (limit.isEmpty()) {
                    problems.add(name + " has no @Size(max) nor a bounded @Pattern, but is stored in " + columns);
                    continue;
                }
                for (String column : columns) {
                    Integer width = width(c, column);
                    if (width == null) {
                        continue; // text: no limit
                    }
                    if (width < 0) {
                        problems.add(name + " is stored in " + column + ", which does not exist");
                    } else if (limit.getAsInt() > width) {
                        problems.add(name + " accepts " + limit.getAsInt() + " characters but " + column + " holds " + width);
                    }
                }
                checked++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("information_schema could not be read", e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " request field(s) of " + holder.getSimpleName()
                    + " could reach PostgreSQL too long:\n  " + String.join("\n  ", problems));
        }
        return checked;
    }

    /** {@code Record.field} of every String component of every record in the holder. */
    private Map<String, Field> textFields() {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Class<?> type : holder.getDeclaredClasses()) {
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getType() == String.class) {
                    try {
                        out.put(type.getSimpleName() + "." + rc.getName(), type.getDeclaredField(rc.getName()));
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** The longest text the field's constraints let through, when they bound it. */
    static OptionalInt limit(Field field) {
        OptionalInt best = OptionalInt.empty();
        for (Annotation a : field.getAnnotations()) {
            String type = a.annotationType().getName();
            int max = -1;
            if (type.equals("jakarta.validation.constraints.Size")) {
                max = (Integer) attribute(a, "max");
            } else if (type.equals("jakarta.validation.constraints.Pattern")) {
                Matcher m = BOUNDED_CLASS.matcher((String) attribute(a, "regexp"));
                if (m.matches()) {
                    max = Integer.parseInt(m.group(2));
                }
            }
            if (max >= 0 && max < Integer.MAX_VALUE && (best.isEmpty() || max < best.getAsInt())) {
                best = OptionalInt.of(max);
            }
        }
        return best;
    }

    private static Object attribute(Annotation a, String name) {
        try {
            return a.annotationType().getMethod(name).invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The column's character_maximum_length; null for an unbounded type, -1 when there is no such column. */
    private static Integer width(Connection c, String tableColumn) throws SQLException {
        String[] parts = tableColumn.split("\\.");
        try (PreparedStatement s = c.prepareStatement("select character_maximum_length, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and column_name = ?")) {
            s.setString(1, parts[0]);
            s.setString(2, parts[1]);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                int width = rs.getInt(1);
                return rs.wasNull() ? null : width;
            }
        }
    }
}

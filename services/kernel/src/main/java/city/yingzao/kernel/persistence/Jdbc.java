package city.yingzao.kernel.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The thin layer over JDBC every service's repositories use for set-based SQL: one statement,
 * parameters bound by position, rows mapped by a lambda. Inside a JTA transaction every call gets the
 * transaction's connection, so several calls and the kernel's outbox commit together.
 *
 * <p>Parameters: an {@link Instant} binds as {@code timestamptz}, an enum as its name, a
 * {@link LocalDate} as a date, a {@code String[]}, a {@link List} or {@link #textArray} as
 * {@code varchar[]} (cast it in SQL, e.g. {@code ?::uuid[]}).
 */
@ApplicationScoped
public class Jdbc {

    @Inject
    AgroalDataSource dataSource;

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Works with the transaction's connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return work(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters); ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... parameters) {
        return work(c -> {
            try (PreparedStatement s = prepare(c, sql, parameters)) {
                return s.executeUpdate();
            }
        });
    }

    /** Runs one statement once per parameter row, as a JDBC batch. */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(c, s, row);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    public <T> T work(ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** A collection as a {@code varchar[]} parameter. */
    public Object textArray(Collection<String> values) {
        return new TextArray(values.toArray(String[]::new));
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(c, s, parameters);
        return s;
    }

    private static void bind(Connection c, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = bindable(parameters[i]);
            if (value instanceof TextArray t) {
                s.setArray(i + 1, c.createArrayOf("varchar", t.values()));
            } else if (value instanceof String[] t) {
                s.setArray(i + 1, c.createArrayOf("varchar", t));
            } else {
                s.setObject(i + 1, value);
            }
        }
    }

    public static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toArray(String[]::new);
        }
        return value;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** An array column (uuid[], varchar[], text[]) as a list of strings (empty for null). */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                values.add(o.toString());
            }
        }
        return values;
    }

    public static List<String> uuids(ResultSet rs, String column) throws SQLException {
        return strings(rs, column);
    }

    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        return strings(rs, column);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    /** Marks a parameter to bind as {@code varchar[]}. */
    public record TextArray(String[] values) {
    }

    /** A database error no caller expected; the kernel's problem mappers read its SQLSTATE. */
    public static final class DataAccessException extends RuntimeException {
        DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }
    }
}

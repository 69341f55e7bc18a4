package city.yingzao.evaluation.infrastructure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A thin layer over JDBC: one statement, parameters bound by position, rows mapped by a lambda.
 * Inside a JTA transaction every call gets the transaction's connection, so several calls and the
 * kernel's outbox commit together.
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

    public <T> T work(ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, bindable(parameters[i]));
        }
        return s;
    }

    public static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return value;
    }

    /** Runs one statement once per parameter row, as a JDBC batch. */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, bindable(row[i]));
                    }
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                values.add(o.toString());
            }
        }
        return values;
    }

    public static UUID uuid(String value) {
        return UUID.fromString(value);
    }

    /** A database error no caller expected. */
    public static final class DataAccessException extends RuntimeException {
        DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }
    }
}

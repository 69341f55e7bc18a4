package city.yingzao.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * Counts the SQL statements a piece of code sends to PostgreSQL, so a test can show that a list view costs a fixed
 * number of queries whatever the number of items (no N+1). It is a JDBC {@link Driver} that hands out the PostgreSQL
 * driver's connections behind a proxy counting every {@code execute*} of their statements; a service's tests select it
 * with one line of its {@code application.properties}:
 *
 * <pre>
 * %test.quarkus.datasource.jdbc.driver=city.yingzao.testing.StatementCounter
 * </pre>
 *
 * Hibernate, the kernel's {@code Jdbc} and the Flyway migrations all go through it unchanged. Only statements sent by
 * the calling thread while {@link #count(Callable)} runs are counted, so the outbox relay, the consumers and the
 * scheduler (other threads of the same pool) do not disturb the figure: call the application service itself from the
 * test (an injected bean runs its {@code @Transactional} method on the test's thread).
 */
public final class StatementCounter implements Driver {

    private static final ThreadLocal<long[]> COUNTING = new ThreadLocal<>();

    private final Driver postgres = new org.postgresql.Driver();

    /** What {@code work} answered and how many statements its thread sent meanwhile. */
    public record Counted<T>(T result, long statements) {
    }

    /** Runs {@code work} on this thread and counts the statements it sends (executions: a batch is one). */
    public static <T> Counted<T> count(Callable<T> work) {
        long[] previous = COUNTING.get();
        long[] counter = new long[1];
        COUNTING.set(counter);
        try {
            return new Counted<>(work.call(), counter[0]);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                COUNTING.remove();
            } else {
                COUNTING.set(previous);
            }
        }
    }

    /** The statements {@code work} sends from this thread. */
    public static long statements(Runnable work) {
        return count(() -> {
            work.run();
            return null;
        }).statements();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, new ConnectionHandler(connection));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Wraps the statements a connection makes; everything else goes straight to PostgreSQL's connection. */
    private record ConnectionHandler(Connection connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            Object result = StatementCounter.invoke(connection, method, args);
            if (result instanceof CallableStatement s) {
                return proxy(CallableStatement.class, s, new StatementHandler(s));
            }
            if (result instanceof PreparedStatement s) {
                return proxy(PreparedStatement.class, s, new StatementHandler(s));
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return proxy(Statement.class, s, new StatementHandler(s));
            }
            return result;
        }
    }

    /** Counts each execution on the thread that counts; a batch is one round trip. */
    private record StatementHandler(Statement statement) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("execute")) {
                long[] counter = COUNTING.get();
                if (counter != null) {
                    counter[0]++;
                }
            }
            return StatementCounter.invoke(statement, method, args);
        }
    }
}

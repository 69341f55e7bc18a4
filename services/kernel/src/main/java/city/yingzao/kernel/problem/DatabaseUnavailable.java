package city.yingzao.kernel.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a request that failed because the database could not be reached (stopped, restarting, failing
 * over, every connection of the pool in use or broken) from one that failed for a reason of its own: the
 * first is the platform's passing state, answered 503 with {@code Retry-After}, never a 500.
 */
public final class DatabaseUnavailable {

    /**
     * PostgreSQL's SQLSTATEs for a server that is away: admin_shutdown (a fast shutdown cut the
     * connection), crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** connection_exception: 08000, 08001 (refused), 08003 (closed), 08006 (failure, I/O error), ... */
    private static final String CONNECTION_CLASS = "08";

    /** Hibernate's translation of a connection failure (its SQLException cause says the same, when it has one). */
    private static final Set<String> CONNECTION_EXCEPTIONS = Set.of("org.hibernate.exception.JDBCConnectionException");

    private DatabaseUnavailable() {
    }

    /**
     * True when some exception in the cause chain, or in the chain of one suppressed along it, says the database could
     * not be reached. A commit cut by a restart arrives as a RollbackException whose suppressed XAException has the
     * closed connection (08003) as its cause.
     */
    public static boolean is(Throwable failure) {
        return is(failure, new HashSet<>());
    }

    private static boolean is(Throwable failure, Set<Throwable> visited) {
        for (Throwable t = failure; t != null && visited.add(t); t = t.getCause()) {
            if (unreachable(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (is(s, visited)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException
                || CONNECTION_EXCEPTIONS.contains(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                // Agroal's pool: "Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection"
                return String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
            }
            return state.startsWith(CONNECTION_CLASS) || STATES.contains(state);
        }
        return false;
    }
}

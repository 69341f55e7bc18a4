package city.yingzao.kernel.inbox;

import city.yingzao.kernel.problem.ProblemException;
import org.apache.kafka.common.errors.RetriableException;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;

/**
 * Why an event could not be applied, which decides what happens to it:
 * <ul>
 *   <li>{@link #TRANSIENT}: the database or the broker is unavailable, a lock timed out, a
 *       transaction was chosen as a deadlock victim. Retried with backoff for as long as it lasts;
 *       nothing is committed past it, nothing is dead-lettered.</li>
 *   <li>{@link #PERMANENT}: the event can never succeed: an unreadable payload, a payload that breaks
 *       the contract (a constraint refuses it), a rule that refuses it. Dead-lettered at once.</li>
 *   <li>{@link #UNKNOWN}: anything else (most likely a bug). Retried a bounded number of times, then
 *       dead-lettered, so one bad event never blocks its partition.</li>
 * </ul>
 */
public enum FailureKind {
    TRANSIENT, PERMANENT, UNKNOWN;

    /** SQLState classes and codes of PostgreSQL that pass: connection, deadlock, serialization, lock, shutdown, resources. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "57014");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "58");
    /** Data exceptions (22) and integrity violations (23): the same event fails the same way every time. */
    private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23");

    /** Classifies a failure by every exception in its cause chain; a transient cause wins. */
    public static FailureKind of(Throwable failure) {
        boolean permanent = false;
        Set<Throwable> visited = new HashSet<>();
        for (Throwable t = failure; t != null && visited.add(t); t = t.getCause()) {
            if (isTransient(t)) {
                return TRANSIENT;
            }
            permanent |= isPermanent(t);
        }
        return permanent ? PERMANENT : UNKNOWN;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof RetriableException || t instanceof ConnectException
                || t instanceof SocketTimeoutException || t instanceof SocketException || t instanceof EOFException) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("org.hibernate.exception.LockTimeoutException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.QueryTimeoutException")) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state == null) {
                // Agroal's pool: no connection could be had in time (the database is away)
                return String.valueOf(sql.getMessage()).contains("Acquisition timeout");
            }
            return TRANSIENT_STATES.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
        }
        return false;
    }

    private static boolean isPermanent(Throwable t) {
        if (t instanceof IdempotentConsumer.PoisonEvent || t instanceof ProblemException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return PERMANENT_CLASSES.contains(sql.getSQLState().substring(0, 2));
        }
        return false;
    }
}

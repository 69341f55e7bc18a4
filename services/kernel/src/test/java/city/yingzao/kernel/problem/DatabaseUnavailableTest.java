package city.yingzao.kernel.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A database that cannot be reached is told apart from every other failure: 503 with Retry-After, not 500")
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    @DisplayName("connection refused (08001), closed (08003), I/O failure (08006), shutdown (57P01), starting up (57P03), too many connections (53300) are the database being away")
    void sqlStatesOfAnAbsentDatabase() {
        for (String state : new String[] {"08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"}) {
            assertThat(DatabaseUnavailable.is(new RuntimeException("wrapped", new SQLException("away", state))))
                    .as("SQLSTATE %s", state).isTrue();
        }
    }

    @Test
    @DisplayName("Agroal's acquisition timeout, Hibernate's JDBCConnectionException and a refused socket are the database being away")
    void poolAndDriverFailures() {
        assertThat(DatabaseUnavailable.is(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseUnavailable.is(new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("x")))).isTrue();
        assertThat(DatabaseUnavailable.is(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.is(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    @DisplayName("a commit cut by a restart (RollbackException, its suppressed XAException caused by the closed connection 08003) is the database being away")
    void commitCutByARestart() {
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction: FATAL: terminating connection due to administrator command");
        xa.initCause(new SQLException("This connection has been closed.", "08003"));
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);

        assertThat(DatabaseUnavailable.is(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
        assertThat(mappers.unexpected(new RuntimeException("Error invoking subclass method", rollback), null).getStatus()).isEqualTo(503);
    }

    @Test
    @DisplayName("a constraint, a value, a deadlock, a bug and an SQL error without state are not")
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("value too long", "22001"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("something"))).isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    @DisplayName("the mapper answers 503 problem details with Retry-After, type unavailable, no internals")
    void mappedTo503() {
        Response r = mappers.unexpected(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:5432 refused. secret internal detail", "08001")), null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem p = (Problem) r.getEntity();
        assertThat(p.type()).isEqualTo(Problem.TYPE_PREFIX + "unavailable");
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.detail()).doesNotContain("secret internal detail").doesNotContain("5432");
    }

    @Test
    @DisplayName("a bug still answers 500 with a reference")
    void bugStill500() {
        assertThat(mappers.unexpected(new IllegalStateException("a bug"), null).getStatus()).isEqualTo(500);
    }
}

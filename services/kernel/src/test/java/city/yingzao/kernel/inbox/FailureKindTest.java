package city.yingzao.kernel.inbox;

import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import jakarta.persistence.PersistenceException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Failures are told apart: what passes is retried, what can never succeed is dead-lettered")
class FailureKindTest {

    @Test
    @DisplayName("the database away, a deadlock, a lock timeout, a shutdown or the broker away pass")
    void transientFailures() {
        assertThat(FailureKind.of(wrapped(new SQLException("Connection refused", "08001")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new SQLException("deadlock detected", "40P01")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new IllegalStateException(new ConnectException("refused")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new NotLeaderOrFollowerException("moving"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    @DisplayName("an unreadable payload, a constraint the payload breaks and a rule's refusal can never succeed")
    void permanentFailures() {
        assertThat(FailureKind.of(new IdempotentConsumer.PoisonEvent("not a valid CommunitySnapshotV1")))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(wrapped(new SQLException("null value in column \"group_code\"", "23502"))))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(wrapped(new SQLException("value too long", "22001")))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(RuleViolation.of(new Rejection("D6", "19 of 25 members present, 20 needed"))))
                .isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    @DisplayName("anything else is unknown: retried a few times, then dead-lettered")
    void unknownFailures() {
        assertThat(FailureKind.of(new IllegalStateException("a bug"))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureKind.of(wrapped(new SQLException("relation does not exist", "42P01")))).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    @DisplayName("a transient cause anywhere in the chain wins over a permanent-looking wrapper")
    void transientCauseWins() {
        SQLException refused = new SQLException("Connection refused", "08001");
        SQLException constraint = new SQLException("batch failed", "23505", refused);
        assertThat(FailureKind.of(wrapped(constraint))).isEqualTo(FailureKind.TRANSIENT);
    }

    private static RuntimeException wrapped(SQLException e) {
        return new PersistenceException("could not execute statement", e);
    }
}

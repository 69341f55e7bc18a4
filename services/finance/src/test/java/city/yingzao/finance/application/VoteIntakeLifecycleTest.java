package city.yingzao.finance.application;

import city.yingzao.finance.domain.BallotChannel;
import city.yingzao.finance.infrastructure.VoteStore.PendingBallot;
import city.yingzao.kernel.problem.ProblemException;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("The vote intake's queue is bounded and its writer is watched")
class VoteIntakeLifecycleTest {

    @Inject
    VoteIntake intake;

    @Test
    @DisplayName("F7 a stack larger than the room left in the queue is refused whole with 503, and not one ballot of it is queued")
    void fullQueueRefusesWholeRequests() {
        String round = UUID.randomUUID().toString();
        List<PendingBallot> stack = IntStream.rangeClosed(1, intake.capacity() + 1)
                .mapToObj(n -> new PendingBallot(round, "510104021001", String.format("H%05d", n), BallotChannel.PAPER,
                        List.of(), "community-staff", "S-LIFECYCLE"))
                .toList();

        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> intake.submitAll(stack));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.getMessage()).contains("nothing of this request was queued");
        assertThat(intake.queued()).isZero();
        assertThat(TestPostgres.count("select count(*) from ballot where round_id = ?::uuid", round)).isZero();
    }

    @Test
    @DisplayName("the writer thread is reported on /q/health/live with the queue's depth and capacity")
    void writerIsWatched() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'vote-intake' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'vote-intake' }.data.capacity", equalTo(intake.capacity()));
    }
}

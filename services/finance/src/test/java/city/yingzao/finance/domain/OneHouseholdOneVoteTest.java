package city.yingzao.finance.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OneHouseholdOneVoteTest {

    static final List<String> CANDIDATES = List.of("p1", "p2", "p3");

    @Test
    @DisplayName("F7 passing: an approval ballot approves any subset of the candidates, the empty one included")
    void approvalBallots() {
        assertThat(OneHouseholdOneVote.checkApprovals(CANDIDATES, List.of("p1", "p3"))).isEmpty();
        assertThat(OneHouseholdOneVote.checkApprovals(CANDIDATES, List.of())).isEmpty();
        assertThat(OneHouseholdOneVote.checkApprovals(CANDIDATES, CANDIDATES)).isEmpty();
    }

    @Test
    @DisplayName("F7 passing: a ballot cannot approve a project outside the round nor one project twice")
    void onlyCandidatesOnce() {
        assertThat(OneHouseholdOneVote.checkApprovals(CANDIDATES, List.of("p4"))).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("F7: project p4 is not a candidate of this round"));
        assertThat(OneHouseholdOneVote.checkApprovals(CANDIDATES, List.of("p1", "p1"))).isPresent();
    }

    @Test
    @DisplayName("F7 passing: a second ballot of a household is refused naming the channel that voted first")
    void secondBallotRefused() {
        assertThat(OneHouseholdOneVote.alreadyVoted("H0001", BallotChannel.ONLINE).message())
                .isEqualTo("F7: household H0001 already voted (online) in this round");
        assertThat(OneHouseholdOneVote.alreadyVoted("H0002", BallotChannel.PAPER).message()).contains("(paper)");
        assertThat(OneHouseholdOneVote.notRegistered("H9", "C1").message())
                .isEqualTo("F7: household H9 is not an active registered household of community C1");
    }
}

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

    @Test
    @DisplayName("F7 a paper entry is voided by a second person only; an online ballot is never voided")
    void voidBySecondPerson() {
        assertThat(OneHouseholdOneVote.checkVoid("H0001", BallotChannel.PAPER, "clerk-1", "clerk-2")).isEmpty();
        assertThat(OneHouseholdOneVote.checkVoid("H0001", BallotChannel.PAPER, "clerk-1", "clerk-1")).hasValueSatisfying(r ->
                assertThat(r.message()).isEqualTo("F7: the paper ballot of household H0001 was entered by clerk-1; "
                        + "a second person must void it"));
        assertThat(OneHouseholdOneVote.checkVoid("H0001", BallotChannel.ONLINE, "resident-1", "clerk-2")).hasValueSatisfying(r ->
                assertThat(r.rule()).isEqualTo("F7"));
    }

    @Test
    @DisplayName("F7 turnout is ballots over registered households in percent, half-up to one decimal; none without households")
    void turnout() {
        assertThat(OneHouseholdOneVote.turnoutPercent(3, 7)).isEqualTo(42.9);
        assertThat(OneHouseholdOneVote.turnoutPercent(1, 8)).isEqualTo(12.5);
        assertThat(OneHouseholdOneVote.turnoutPercent(1, 3)).isEqualTo(33.3);
        assertThat(OneHouseholdOneVote.turnoutPercent(0, 5)).isEqualTo(0.0);
        assertThat(OneHouseholdOneVote.turnoutPercent(2, 0)).isNull();
    }
}

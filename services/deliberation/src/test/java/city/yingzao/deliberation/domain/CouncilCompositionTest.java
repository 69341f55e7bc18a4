package city.yingzao.deliberation.domain;

import city.yingzao.kernel.rules.Rejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Council composition (D1, D2, D3)")
class CouncilCompositionTest {

    private static final CompositionRules RULES = CompositionRules.chengdu();
    private static final List<String> GROUPS = List.of("G01", "G02", "G03", "G04", "G05");

    /** {@code perGroup} seats in each of the five groups, the first {@code cadres} seats held by cadres. */
    static List<Seat> seats(int perGroup, int cadres) {
        List<Seat> seats = new ArrayList<>();
        for (String g : GROUPS) {
            IntStream.range(0, perGroup).forEach(i -> seats.add(new Seat(g + "-" + i, g, false)));
        }
        for (int i = 0; i < cadres; i++) {
            Seat s = seats.get(i);
            seats.set(i, new Seat(s.personId(), s.groupCode(), true));
        }
        return seats;
    }

    static List<String> rules(List<Rejection> rejections) {
        return rejections.stream().map(Rejection::rule).toList();
    }

    @Test
    @DisplayName("D1 a community council of 25 with five seats per group and 10 cadres may be constituted")
    void wellComposed() {
        assertThat(CouncilComposition.check(CouncilLevel.COMMUNITY, seats(5, 10), GROUPS, RULES)).isEmpty();
    }

    @Test
    @DisplayName("D1 a community council needs at least 21 members: 20 is refused")
    void communityMinimum() {
        List<Rejection> broken = CouncilComposition.check(CouncilLevel.COMMUNITY, seats(4, 0), GROUPS, RULES);
        assertThat(rules(broken)).containsExactly("D1");
        assertThat(broken.get(0).message()).isEqualTo("D1: a community council needs at least 21 members, it has 20");
    }

    @Test
    @DisplayName("D1 a resident-group council needs at least 5 members")
    void groupMinimum() {
        List<Seat> four = List.of(new Seat("a", "G01", false), new Seat("b", "G01", false), new Seat("c", "G01", false),
                new Seat("d", "G01", false));
        assertThat(rules(CouncilComposition.check(CouncilLevel.GROUP, four, GROUPS, RULES))).containsExactly("D1");
        List<Seat> five = new ArrayList<>(four);
        five.add(new Seat("e", "G01", false));
        assertThat(CouncilComposition.check(CouncilLevel.GROUP, five, GROUPS, RULES)).isEmpty();
    }

    @Test
    @DisplayName("D1 the minimum is a setting: a city that asks 30 refuses 25")
    void minimumIsConfigurable() {
        CompositionRules thirty = new CompositionRules(5, 30, 3, 2, 0.5);
        assertThat(rules(CouncilComposition.check(CouncilLevel.COMMUNITY, seats(5, 0), GROUPS, thirty))).containsExactly("D1");
    }

    @Test
    @DisplayName("D2 every resident group holds at least 2 seats on the community council")
    void everyGroupRepresented() {
        List<Seat> seats = new ArrayList<>(seats(5, 0));
        seats.removeIf(s -> s.groupCode().equals("G03") && !s.personId().endsWith("-0"));
        List<Rejection> broken = GroupRepresentationPolicy.check(CouncilLevel.COMMUNITY, seats, GROUPS, RULES).stream().toList();
        assertThat(broken).singleElement().extracting(Rejection::message)
                .isEqualTo("D2: every resident group needs at least 2 seats: G03 has 1");
    }

    @Test
    @DisplayName("D2 applies to community councils only, not to a group council")
    void groupsOnlyOnCommunityCouncil() {
        List<Seat> five = IntStream.range(0, 5).mapToObj(i -> new Seat("p" + i, "G01", false)).toList();
        assertThat(GroupRepresentationPolicy.check(CouncilLevel.GROUP, five, GROUPS, RULES)).isEmpty();
    }

    @Test
    @DisplayName("D3 cadres may hold half of the seats but not more: 12 of 25 pass, 13 of 25 are refused")
    void cadresAtMostHalf() {
        assertThat(CadreSharePolicy.check(seats(5, 12), RULES)).isEmpty();
        assertThat(CadreSharePolicy.check(seats(5, 13), RULES)).get().extracting(Rejection::message)
                .isEqualTo("D3: 13 of 25 seats are held by cadres, at most 12 may be");
    }

    @Test
    @DisplayName("D1 D2 D3 every broken rule is named at once")
    void everyRuleNamed() {
        List<Seat> seats = new ArrayList<>(seats(4, 15));
        seats.removeIf(s -> s.groupCode().equals("G05"));
        assertThat(rules(CouncilComposition.check(CouncilLevel.COMMUNITY, seats, GROUPS, RULES)))
                .containsExactly("D1", "D2", "D3");
    }

    @Test
    @DisplayName("D1 an election seats the candidates with most votes and refuses a tie across the last seat")
    void electionCount() {
        List<Election.Candidate> candidates = List.of(new Election.Candidate("a", "G01", false, 30),
                new Election.Candidate("b", "G01", false, 50), new Election.Candidate("c", "G01", true, 40));
        assertThat(Election.count(candidates, 2, 60).elected()).extracting(Election.Candidate::personId).containsExactly("b", "c");
        List<Election.Candidate> tie = List.of(new Election.Candidate("a", "G01", false, 40),
                new Election.Candidate("b", "G01", false, 50), new Election.Candidate("c", "G01", true, 40));
        assertThat(Election.count(tie, 2, 60).rejection()).get().extracting(Rejection::rule).isEqualTo("D1");
        assertThat(Election.count(candidates, 2, 45).rejection()).get().extracting(Rejection::reason)
                .isEqualTo("b has 50 votes but only 45 residents voted");
    }

    @Test
    @DisplayName("D1 a community council member is chosen from the members of a group council")
    void communityMembersFromGroupCouncils() {
        assertThat(Election.chosenFromGroupCouncil("x", java.util.Optional.empty())).get().extracting(Rejection::rule).isEqualTo("D1");
        assertThat(Election.chosenFromGroupCouncil("x", java.util.Optional.of("G01"))).isEmpty();
    }
}

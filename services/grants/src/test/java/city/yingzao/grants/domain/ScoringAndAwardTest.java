package city.yingzao.grants.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringAndAwardTest {

    static final List<Criterion> RUBRIC = List.of(new Criterion("need", "Need", 30), new Criterion("design", "Design", 30),
            new Criterion("team", "Team", 20), new Criterion("fit", "Community fit", 20));

    static Map<String, Integer> all(int s) {
        return Map.of("need", s, "design", s, "team", s, "fit", s);
    }

    @Test
    @DisplayName("G3 passing: the weighted score is Σ weight·score / Σ weight on 0-100")
    void weighted() {
        assertThat(Scoring.weighted(RUBRIC, 10, all(10))).isEqualTo(100.0);
        assertThat(Scoring.weighted(RUBRIC, 10, Map.of("need", 10, "design", 0, "team", 5, "fit", 5))).isEqualTo(50.0);
        assertThat(Scoring.validate(RUBRIC, 10, Map.of("need", 11, "design", 0, "team", 5, "fit", 5))).isPresent();
        assertThat(Scoring.validate(RUBRIC, 10, Map.of("need", 1))).isPresent();
        assertThat(Scoring.validate(RUBRIC, 10, all(3))).isEmpty();
    }

    @Test
    @DisplayName("G3 passing: z-score per reviewer, rescaled; a harsh reviewer's top mark counts as a top mark")
    void normalised() {
        // harsh gives 4 and 6, lenient gives 8 and 10: both rank b above a by the same margin
        List<Review> reviews = List.of(new Review("a", "harsh", all(4)), new Review("b", "harsh", all(6)),
                new Review("c", "lenient", all(8)), new Review("d", "lenient", all(10)));
        Map<String, Scoring.Summary> s = Scoring.summarise(RUBRIC, 10, 1, 20, List.of("a", "b", "c", "d"), reviews);
        assertThat(s.get("a").rawMean()).isEqualByComparingTo("40");
        assertThat(s.get("c").rawMean()).isEqualByComparingTo("80");
        // call mean 70, call sd sqrt(500)=22.36: z = -1 -> 47.64, z = +1 -> 92.36
        assertThat(s.get("a").normalisedMean()).isEqualByComparingTo(s.get("c").normalisedMean());
        assertThat(s.get("b").normalisedMean()).isEqualByComparingTo(s.get("d").normalisedMean());
        assertThat(s.get("b").normalisedMean()).isEqualByComparingTo("92.36");
    }

    @Test
    @DisplayName("G3 passing: a missing review never counts as zero; disagreement above the threshold is flagged")
    void missingAndDisagreement() {
        List<Review> reviews = List.of(new Review("a", "r1", all(9)), new Review("a", "r2", all(3)), new Review("b", "r1", all(8)));
        Map<String, Scoring.Summary> s = Scoring.summarise(RUBRIC, 10, 3, 20, List.of("a", "b", "c"), reviews);
        assertThat(s.get("b").rawMean()).isEqualByComparingTo("80");   // one of three reviews: the mean of one, not 80/3
        assertThat(s.get("b").complete()).isFalse();
        assertThat(s.get("c").reviews()).isZero();
        assertThat(s.get("c").rawMean()).isNull();
        assertThat(s.get("a").spread()).isEqualByComparingTo("60");
        assertThat(s.get("a").disagreement()).isTrue();
        assertThat(s.get("b").disagreement()).isFalse();
    }

    static AwardPolicy.Candidate c(String id, long fen, String norm, String raw, int minute) {
        return new AwardPolicy.Candidate(id, fen, Instant.parse("2026-05-01T00:00:00Z").plusSeconds(60L * minute),
                new Scoring.Summary(id, 3, 3, new BigDecimal(raw), new BigDecimal(norm), BigDecimal.ZERO, false, List.of()));
    }

    @Test
    @DisplayName("G3 passing: greedy award by rank within the budget; one that does not fit is skipped and a smaller one below still fits")
    void greedy() {
        AwardPolicy.Proposal p = AwardPolicy.propose(List.of(c("a", 600, "90", "90", 0), c("b", 500, "85", "85", 0),
                c("c", 300, "80", "80", 0), c("d", 200, "70", "70", 0)), 1_000);
        assertThat(p.lines()).extracting(AwardPolicy.Line::applicationId).containsExactly("a", "b", "c", "d");
        assertThat(p.lines()).extracting(AwardPolicy.Line::proposed).containsExactly(true, false, true, false);
        assertThat(p.proposedFen()).isEqualTo(900);
        assertThat(p.proposedFen()).isLessThanOrEqualTo(p.budgetFen());
    }

    @Test
    @DisplayName("G3 passing: ties go to the higher raw mean, then the smaller request, then the earlier submission, then the id")
    void ties() {
        AwardPolicy.Proposal p = AwardPolicy.propose(List.of(c("e", 100, "80", "70", 0), c("d", 100, "80", "75", 5),
                c("c", 90, "80", "70", 9), c("b", 100, "80", "70", 1), c("a", 100, "80", "70", 1)), 10_000);
        assertThat(p.lines()).extracting(AwardPolicy.Line::applicationId).containsExactly("d", "c", "e", "a", "b");
        assertThat(p.lines()).extracting(AwardPolicy.Line::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("G3 failing: an application without its reviews is listed unranked and never proposed")
    void incomplete() {
        AwardPolicy.Candidate partial = new AwardPolicy.Candidate("z", 1, Instant.EPOCH,
                new Scoring.Summary("z", 1, 3, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, false, List.of("r1")));
        AwardPolicy.Proposal p = AwardPolicy.propose(List.of(partial, c("a", 100, "50", "50", 0)), 10_000);
        assertThat(p.lines().get(1).applicationId()).isEqualTo("z");
        assertThat(p.lines().get(1).rank()).isNull();
        assertThat(p.lines().get(1).proposed()).isFalse();
    }
}

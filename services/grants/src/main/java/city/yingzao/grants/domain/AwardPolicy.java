package city.yingzao.grants.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * G3/G4: the ranking and the award proposal. Rank by normalised mean, highest first. Tie rules, in
 * order: (1) higher raw mean; (2) smaller requested amount (more projects for the budget); (3) earlier
 * submission; (4) application id, so the order is total and repeatable. Applications without a complete
 * set of reviews are listed after the ranked ones, unranked, and never proposed. The proposal walks the
 * ranking and awards each application its requested amount while it fits in what is left of the budget;
 * one that does not fit is skipped (said so) and the walk goes on, so a smaller one further down may fit.
 */
public final class AwardPolicy {

    private AwardPolicy() {
    }

    public record Candidate(String applicationId, long requestedFen, Instant submittedAt, Scoring.Summary scores) {
    }

    public record Line(String applicationId, Integer rank, long requestedFen, boolean proposed, String note,
                       Scoring.Summary scores) {
    }

    public record Proposal(List<Line> lines, long budgetFen, long proposedFen) {
    }

    static final Comparator<Candidate> RANK = Comparator
            .comparing((Candidate c) -> c.scores().normalisedMean(), Comparator.reverseOrder())
            .thenComparing(c -> c.scores().rawMean(), Comparator.reverseOrder())
            .thenComparingLong(Candidate::requestedFen)
            .thenComparing(Candidate::submittedAt)
            .thenComparing(Candidate::applicationId);

    // G3: rank with the documented tie rules, then greedy within the budget
    public static Proposal propose(List<Candidate> candidates, long budgetFen) {
        List<Candidate> ranked = new ArrayList<>();
        List<Candidate> unranked = new ArrayList<>();
        for (Candidate c : candidates) {
            (c.scores().reviews() > 0 && c.scores().complete() ? ranked : unranked).add(c);
        }
        ranked.sort(RANK);
        unranked.sort(Comparator.comparing(Candidate::applicationId));
        List<Line> lines = new ArrayList<>();
        long left = budgetFen;
        int rank = 1;
        for (Candidate c : ranked) {
            boolean fits = c.requestedFen() <= left;
            if (fits) {
                left -= c.requestedFen();
            }
            lines.add(new Line(c.applicationId(), rank++, c.requestedFen(), fits,
                    fits ? "within budget" : "does not fit the " + left + " fen left", c.scores()));
        }
        for (Candidate c : unranked) {
            lines.add(new Line(c.applicationId(), null, c.requestedFen(), false,
                    c.scores().reviews() + " of " + c.scores().required() + " reviews", c.scores()));
        }
        return new Proposal(lines, budgetFen, budgetFen - left);
    }

    /** A rank's tie rules compare these; exposed for tests. */
    static BigDecimal key(Candidate c) {
        return c.scores().normalisedMean();
    }
}

package city.yingzao.grants.domain;

import city.yingzao.kernel.rules.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * G3 scoring. A review's weighted score is Σ weight·score / Σ weight, expressed on 0-100
 * (÷ scale maximum × 100). Per-reviewer normalisation: each reviewer's weighted scores become z-scores
 * against that reviewer's own mean and standard deviation (population), rescaled to the mean and
 * standard deviation of all weighted scores of the call, so normalised and raw scores read on the same
 * 0-100 scale; a reviewer with one review or identical scores has z = 0 (the call's mean). An
 * application's raw and normalised scores are means over the reviews it has: a missing review never
 * counts as zero. Disagreement: the spread (max − min) of its reviewers' weighted scores above the
 * call's threshold.
 */
public final class Scoring {

    private Scoring() {
    }

    /** An application's scores: raw mean, normalised mean, spread, how many reviews counted. */
    public record Summary(String applicationId, int reviews, int required, BigDecimal rawMean, BigDecimal normalisedMean,
                          BigDecimal spread, boolean disagreement, List<String> reviewerIds) {
        public boolean complete() {
            return reviews >= required;
        }
    }

    // G3: every criterion scored on the call's scale
    public static Optional<Rejection> validate(List<Criterion> rubric, int scaleMax, Map<String, Integer> scores) {
        for (Criterion c : rubric) {
            Integer s = scores.get(c.code());
            if (s == null) {
                return Optional.of(new Rejection("G3", "criterion " + c.code() + " is not scored"));
            }
            if (s < 0 || s > scaleMax) {
                return Optional.of(new Rejection("G3", "criterion " + c.code() + " scored " + s + ", the scale is 0-" + scaleMax));
            }
        }
        for (String code : scores.keySet()) {
            if (rubric.stream().noneMatch(c -> c.code().equals(code))) {
                return Optional.of(new Rejection("G3", "the rubric has no criterion " + code));
            }
        }
        return Optional.empty();
    }

    // G3: weighted score on 0-100
    public static double weighted(List<Criterion> rubric, int scaleMax, Map<String, Integer> scores) {
        long weights = 0;
        long sum = 0;
        for (Criterion c : rubric) {
            weights += c.weight();
            sum += (long) c.weight() * scores.getOrDefault(c.code(), 0);
        }
        return weights == 0 ? 0 : sum * 100.0 / (weights * (double) scaleMax);
    }

    // G3: raw and per-reviewer normalised means, disagreement, missing reviews never zero
    public static Map<String, Summary> summarise(List<Criterion> rubric, int scaleMax, int required, double disagreementThreshold,
            List<String> applicationIds, List<Review> reviews) {
        Map<Review, Double> w = new HashMap<>();
        Map<String, List<Double>> byReviewer = new HashMap<>();
        List<Double> all = new ArrayList<>();
        for (Review r : reviews) {
            double x = weighted(rubric, scaleMax, r.scores());
            w.put(r, x);
            byReviewer.computeIfAbsent(r.reviewerId(), k -> new ArrayList<>()).add(x);
            all.add(x);
        }
        double[] callStats = stats(all);
        Map<String, double[]> reviewerStats = new HashMap<>();
        byReviewer.forEach((k, v) -> reviewerStats.put(k, stats(v)));
        Map<String, List<Review>> byApplication = new HashMap<>();
        reviews.forEach(r -> byApplication.computeIfAbsent(r.applicationId(), k -> new ArrayList<>()).add(r));
        Map<String, Summary> out = new HashMap<>();
        for (String id : applicationIds) {
            List<Review> rs = byApplication.getOrDefault(id, List.of());
            if (rs.isEmpty()) {
                out.put(id, new Summary(id, 0, required, null, null, null, false, List.of()));
                continue;
            }
            double raw = 0;
            double norm = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            List<String> ids = new ArrayList<>();
            for (Review r : rs) {
                double x = w.get(r);
                double[] st = reviewerStats.get(r.reviewerId());
                double z = st[1] == 0 ? 0 : (x - st[0]) / st[1];
                raw += x;
                norm += callStats[0] + z * callStats[1];
                min = Math.min(min, x);
                max = Math.max(max, x);
                ids.add(r.reviewerId());
            }
            ids.sort(String::compareTo);
            double spread = max - min;
            out.put(id, new Summary(id, rs.size(), required, round(raw / rs.size()), round(norm / rs.size()), round(spread),
                    rs.size() > 1 && spread > disagreementThreshold, ids));
        }
        return out;
    }

    /** Mean and population standard deviation. */
    static double[] stats(List<Double> xs) {
        if (xs.isEmpty()) {
            return new double[] {0, 0};
        }
        double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / xs.size();
        double var = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / xs.size();
        return new double[] {mean, Math.sqrt(var)};
    }

    static BigDecimal round(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP);
    }
}

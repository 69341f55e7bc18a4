package city.yingzao.training.domain;

import city.yingzao.kernel.rules.Rejection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * T3 (and E2, G5 downstream): a certification such as the participatory evaluator 参与式评估师
 * (the general course, the evaluator course and an assessment at or above the threshold) or the
 * supervisor 督导. Granted when every requirement is met; a period lasts {@code validityMonths}
 * (counted in Asia/Shanghai calendar months); renewed by the refresher course within the
 * recertification window before expiry.
 *
 * @param code            e.g. {@code PARTICIPATORY_EVALUATOR}
 * @param name            shown on the certificate
 * @param requiredCourses courses to complete (from a version on)
 * @param refresherCourse the course whose completion within the window renews a certificate
 */
public record CertificationScheme(String code, String name, List<CourseRequirement> requiredCourses, String refresherCourse) {

    public static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");

    public CertificationScheme {
        requiredCourses = List.copyOf(requiredCourses);
    }

    /** Every requirement still missing for a first certificate; empty when the person may be certified. */
    public List<Rejection> missing(List<Completion> completions, Integer assessmentScore, SchemeTerms terms) {
        return missing(completions, assessmentScore, null, null, terms);
    }

    /**
     * Every requirement still missing; empty when the person may be certified. After a certificate of
     * this scheme ended (expired or revoked) at {@code previousEnd}, only an assessment taken since
     * counts, so an old result never certifies again by itself.
     */
    public List<Rejection> missing(List<Completion> completions, Integer assessmentScore, Instant assessedAt, Instant previousEnd,
            SchemeTerms terms) {
        List<Rejection> missing = new ArrayList<>();
        for (CourseRequirement r : requiredCourses) {
            boolean done = completions.stream().anyMatch(c -> c.courseCode().equals(r.courseCode()) && c.courseVersion() >= r.minVersion());
            if (!done) {
                missing.add(new Rejection("T3", "course " + r.courseCode() + " (version " + r.minVersion() + " or later) not completed"));
            }
        }
        if (assessmentScore != null && previousEnd != null && (assessedAt == null || assessedAt.isBefore(previousEnd))) {
            missing.add(new Rejection("T3", "no assessment for " + code + " since the previous certificate ended at " + previousEnd));
        } else if (assessmentScore == null) {
            missing.add(new Rejection("T3", "no assessment for " + code + " recorded"));
        } else if (assessmentScore < terms.assessmentThreshold()) {
            missing.add(new Rejection("T3", "assessment score " + assessmentScore + " below the threshold " + terms.assessmentThreshold()));
        }
        return missing;
    }

    /** The end (exclusive) of a period starting at {@code from}. */
    public static Instant validUntil(Instant from, SchemeTerms terms) {
        return from.atZone(CHENGDU).plusMonths(terms.validityMonths()).toInstant();
    }
}

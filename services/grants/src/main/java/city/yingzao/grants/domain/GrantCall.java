package city.yingzao.grants.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * G1: a call of a programme. {@code trancheSplit} (G4) and {@code frameworkVersion} (E1) are the values in
 * force when it opened, frozen onto it.
 */
public record GrantCall(String id, int programmeYear, String title, CallRules rules, LocalDate opensOn, long budgetFen,
                        List<Criterion> rubric, int scaleMax, int reviewsPerApplication, double disagreementThreshold,
                        String certificateScheme, String trancheSplit, String frameworkVersion, Status status, Instant createdAt) {

    public enum Status { OPEN, IN_REVIEW, DECIDED }

    public GrantCall {
        rubric = List.copyOf(rubric);
    }
}

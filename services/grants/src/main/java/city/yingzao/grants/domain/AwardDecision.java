package city.yingzao.grants.domain;

import java.time.Instant;
import java.util.List;

/** The operator's decision on one application. */
public record AwardDecision(String applicationId, String callId, String decision, long awardedFen, Integer rank, boolean proposed,
                       String departureReason, List<String> reviewerIds, String decidedBy, Instant decidedAt) {
}

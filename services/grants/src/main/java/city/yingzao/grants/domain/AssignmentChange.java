package city.yingzao.grants.domain;

import java.time.Instant;

/** One line of the assignment audit. */
public record AssignmentChange(String applicationId, String personId, String action, String reason, String actor, Instant at) {
}

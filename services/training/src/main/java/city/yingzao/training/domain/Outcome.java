package city.yingzao.training.domain;

import java.time.Instant;

/**
 * T4: what a community achieved, kept from other services' events: FINANCE_PROJECT (archived at
 * step 9), GRANT_PROJECT (closed, with its outcome), EVALUATION (grade).
 */
public record Outcome(String source, String ref, String communityCode, String title, String detail, Instant occurredAt) {
}

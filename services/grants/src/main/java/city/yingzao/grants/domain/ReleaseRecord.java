package city.yingzao.grants.domain;

import java.time.Instant;

/** A release as disclosed: no person, only who in kind (AUTOMATIC or OPERATOR). */
public record ReleaseRecord(String projectId, int number, long amountFen, String releasedBy, String reason, String evaluationId, Instant at) {
}

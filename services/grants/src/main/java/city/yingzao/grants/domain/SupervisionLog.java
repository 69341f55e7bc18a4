package city.yingzao.grants.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A supervision log line. */
public record SupervisionLog(String id, String projectId, String type, LocalDate happenedOn, String summary, String personId, Instant at) {
}

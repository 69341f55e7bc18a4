package city.yingzao.training.domain;

import java.time.Instant;

/** A course a learner completed: the version they took and when (their transcript's lines). */
public record Completion(String courseCode, int courseVersion, Instant completedAt) {
}

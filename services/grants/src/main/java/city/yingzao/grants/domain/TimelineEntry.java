package city.yingzao.grants.domain;

import java.time.Instant;

/** One line of an application's timeline. */
public record TimelineEntry(String status, String note, String actor, Instant at) {
}

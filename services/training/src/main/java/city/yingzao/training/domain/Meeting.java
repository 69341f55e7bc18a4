package city.yingzao.training.domain;

import java.time.Instant;

/** One scheduled meeting of a session; attendance is recorded per meeting. */
public record Meeting(String id, int seq, Instant startsAt, Instant endsAt) {
}

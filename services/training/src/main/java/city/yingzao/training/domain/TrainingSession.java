package city.yingzao.training.domain;

import java.time.Instant;
import java.util.List;

/** T3: a cohort of one course version: its trainer, place or online link, seats and scheduled meetings. */
public record TrainingSession(String id, String courseCode, int courseVersion, String title, String trainerId, String place,
                              String onlineLink, int capacity, String status, Instant createdAt, Instant closedAt,
                              List<Meeting> meetings) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return OPEN.equals(status);
    }
}

package city.yingzao.training.domain;

import java.time.Instant;
import java.util.List;

/** T4: a study-tour route 游学线路: communities to visit in order, with a theme. */
public record StudyTour(String id, String title, String theme, List<String> communities, Instant createdAt) {

    public StudyTour {
        communities = List.copyOf(communities);
    }
}

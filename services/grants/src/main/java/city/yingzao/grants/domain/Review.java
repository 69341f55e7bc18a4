package city.yingzao.grants.domain;

import java.util.Map;

/** One reviewer's scores of one application, per criterion code on the call's scale (G3). */
public record Review(String applicationId, String reviewerId, Map<String, Integer> scores) {

    public Review {
        scores = Map.copyOf(scores);
    }
}

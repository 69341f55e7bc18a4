package city.yingzao.evaluation.domain;

import java.util.List;

/**
 * Who stands on the evaluated side of a project (E3): the organisation running it, the reviewers of
 * its application in its call, and the members of its supervision team (from grants' events).
 */
public record ProjectParties(String organisationCode, List<String> reviewerIds, List<String> supervisionTeam) {

    public ProjectParties {
        reviewerIds = reviewerIds == null ? List.of() : List.copyOf(reviewerIds);
        supervisionTeam = supervisionTeam == null ? List.of() : List.copyOf(supervisionTeam);
    }
}

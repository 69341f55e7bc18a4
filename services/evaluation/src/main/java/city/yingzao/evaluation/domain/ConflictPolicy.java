package city.yingzao.evaluation.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.ArrayList;
import java.util.List;

/**
 * E3: no conflicts. An evaluator never evaluates the organisation they belong to, a project whose
 * application they reviewed in its call, or a project whose supervision team they sit on.
 */
public final class ConflictPolicy {

    private ConflictPolicy() {
    }

    /**
     * @param evaluatorId           the candidate
     * @param evaluatorOrganisation the candidate's own organisation (certificate holder organisation, or the org claim), or null
     */
    public static List<Rejection> check(String evaluatorId, String evaluatorOrganisation, ProjectParties project) {
        List<Rejection> rejections = new ArrayList<>();
        if (evaluatorOrganisation != null && evaluatorOrganisation.equals(project.organisationCode())) {
            rejections.add(new Rejection("E3", evaluatorId + " belongs to " + evaluatorOrganisation
                    + ", the organisation being evaluated"));
        }
        if (project.reviewerIds().contains(evaluatorId)) {
            rejections.add(new Rejection("E3", evaluatorId + " reviewed this project's application in its call"));
        }
        if (project.supervisionTeam().contains(evaluatorId)) {
            rejections.add(new Rejection("E3", evaluatorId + " is on this project's supervision team"));
        }
        return rejections;
    }
}

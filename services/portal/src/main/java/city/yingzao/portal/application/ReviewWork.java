package city.yingzao.portal.application;

import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.infrastructure.GrantsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/** A reviewer's work: assignments, a score per criterion of the call's rubric, a declared conflict. */
@ApplicationScoped
public class ReviewWork {

    @Inject
    @RestClient
    GrantsClient grants;

    public record Scoring(Grants.Assignment assignment, Grants.Call call) {

        public Integer score(String criterion) {
            return assignment.review() == null || assignment.review().scores() == null ? null
                    : assignment.review().scores().get(criterion);
        }
    }

    public List<Grants.Assignment> assignments() {
        return grants.assignments();
    }

    public Scoring scoring(String application) {
        Grants.Assignment a = grants.assignments().stream().filter(x -> application.equals(x.application().id())).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, null, "Not found", null));
        return new Scoring(a, grants.call(a.application().callId()));
    }

    public Grants.Review score(String application, Map<String, Integer> scores) {
        return grants.review(application, new Grants.ReviewRequest(scores, Map.of()));
    }

    public Grants.Conflict declareConflict(String application, String reason) {
        return grants.declareConflict(application, new Grants.ReasonRequest(reason));
    }
}

package city.yingzao.portal.application;

import city.yingzao.portal.domain.Evaluation;
import city.yingzao.portal.infrastructure.EvaluationClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/**
 * An evaluator's assignments and scoresheets. A sheet is submitted whole with a client id chosen once per sheet on
 * the evaluator's device; the evaluation service answers a retry of the same client id with the sheet it already
 * has (200, not 201), so however often a flaky connection sends it, there is one submission.
 */
@ApplicationScoped
public class Scoresheets {

    @Inject
    @RestClient
    EvaluationClient evaluation;

    /** What a submission came to: {@code replayed} when the service already had this very sheet. */
    public record Submitted(boolean replayed, Evaluation.Sheet sheet) {
    }

    public List<Evaluation.View> assignments() {
        return evaluation.assignments();
    }

    public Evaluation.OfflinePackage sheet(String evaluationId, String evaluator) {
        return evaluation.offline(evaluationId, evaluator);
    }

    public Evaluation.Sheet saveDraft(String evaluationId, String evaluator, Map<String, Object> sheet) {
        return evaluation.saveDraft(evaluationId, evaluator, sheet);
    }

    public Submitted submit(String evaluationId, String evaluator, Map<String, Object> sheet) {
        try (Response r = evaluation.submit(evaluationId, evaluator, sheet)) {
            return new Submitted(r.getStatus() == 200, r.readEntity(Evaluation.Sheet.class));
        }
    }
}

package city.yingzao.grants.domain;

import java.time.Instant;

/**
 * G4: an evaluation result or an opened appeal as it arrived from {@code evaluation.results}, handed from
 * the consumer to the release use case.
 */
public record EvaluationEvidence(String evaluationId, String projectId, String kind, boolean passed, boolean appeal, String grade,
                                 Instant at) {
}

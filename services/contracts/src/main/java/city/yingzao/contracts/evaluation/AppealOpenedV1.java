package city.yingzao.contracts.evaluation;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * The evaluated organisation appealed a released result within the window (E5); the result is held
 * (no {@link EvaluationCompletedV1}) until the appeal is decided. On {@code evaluation.results}.
 *
 * @param evaluationId     the evaluation
 * @param projectId        the project
 * @param organisationCode the organisation that appealed
 * @param communityCode    the project's community (or target) code
 * @param kind             {@code MID_TERM}, {@code FINAL} or {@code ON_DEMAND}
 * @param occurredAt       when the appeal was opened
 */
public record AppealOpenedV1(
        String evaluationId,
        String projectId,
        String organisationCode,
        String communityCode,
        String kind,
        Instant occurredAt) implements IntegrationEvent {
}

package city.yingzao.contracts.evaluation;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;

/**
 * An appeal was decided with a reason (E5). When upheld the evaluation is re-scored (audited) and
 * its {@link EvaluationCompletedV1} follows; when dismissed the released result becomes final.
 * On {@code evaluation.results}.
 *
 * @param evaluationId     the evaluation
 * @param projectId        the project
 * @param organisationCode the organisation that appealed
 * @param communityCode    the project's community (or target) code
 * @param kind             {@code MID_TERM}, {@code FINAL} or {@code ON_DEMAND}
 * @param upheld           whether the appeal was upheld
 * @param occurredAt       when it was decided
 */
public record AppealDecidedV1(
        String evaluationId,
        String projectId,
        String organisationCode,
        String communityCode,
        String kind,
        boolean upheld,
        Instant occurredAt) implements IntegrationEvent {
}

package city.yingzao.contracts.evaluation;

import city.yingzao.contracts.IntegrationEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An evaluation's result is final (E5, E6): released after moderation, and either its appeal window
 * closed without an appeal or the appeal was decided. Published once per evaluation (again only
 * after a re-score upheld on appeal) on {@code evaluation.results}, key = community (target) code.
 * Grants releases a tranche whose condition this satisfies (G4); finance and training read it too.
 *
 * @param evaluationId     the evaluation
 * @param projectId        the evaluated project (a grants project id, or a finance project id)
 * @param organisationCode the evaluated organisation
 * @param communityCode    the project's community (or street or district for platform projects)
 * @param kind             {@code MID_TERM}, {@code FINAL} or {@code ON_DEMAND}
 * @param frameworkVersion the framework version it was scored against (E1)
 * @param domainScores     per-domain scores, in the framework's domain order
 * @param overall          sum of the domain scores, 0-100, two decimals
 * @param grade            {@code EXCELLENT} 优秀, {@code GOOD} 良好, {@code PASS} 合格 or {@code FAIL} 不合格
 * @param passed           whether the grade is PASS or better
 * @param releasedAt       when the result was released to the organisation
 * @param occurredAt       when it became final
 */
public record EvaluationCompletedV1(
        String evaluationId,
        String projectId,
        String organisationCode,
        String communityCode,
        String kind,
        String frameworkVersion,
        List<DomainScore> domainScores,
        BigDecimal overall,
        String grade,
        boolean passed,
        Instant releasedAt,
        Instant occurredAt) implements IntegrationEvent {

    public EvaluationCompletedV1 {
        domainScores = List.copyOf(domainScores);
    }
}

package city.yingzao.evaluation.application;

import city.yingzao.contracts.evaluation.AppealDecidedV1;
import city.yingzao.contracts.evaluation.AppealOpenedV1;
import city.yingzao.contracts.evaluation.DomainScore;
import city.yingzao.contracts.evaluation.EvaluationCompletedV1;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.evaluation.infrastructure.EvaluationStore.StoredResult;

import java.time.Instant;

/** The evaluation service's published facts, in the shape of the contracts. */
final class Events {

    private Events() {
    }

    static EvaluationCompletedV1 completed(EvaluationRow e, StoredResult r, Instant releasedAt, Instant at) {
        return new EvaluationCompletedV1(e.id().toString(), e.projectId(), e.organisationCode(), e.communityCode(), e.kind().name(),
                e.frameworkVersion(), r.domainScores().stream().map(d -> new DomainScore(d.domain(), d.score())).toList(),
                r.overall(), r.grade(), r.passed(), releasedAt, at);
    }

    static AppealOpenedV1 appealOpened(EvaluationRow e, Instant at) {
        return new AppealOpenedV1(e.id().toString(), e.projectId(), e.organisationCode(), e.communityCode(), e.kind().name(), at);
    }

    static AppealDecidedV1 appealDecided(EvaluationRow e, boolean upheld, Instant at) {
        return new AppealDecidedV1(e.id().toString(), e.projectId(), e.organisationCode(), e.communityCode(), e.kind().name(),
                upheld, at);
    }
}

package city.yingzao.evaluation.application;

import city.yingzao.evaluation.application.Views.PublicGrade;
import city.yingzao.evaluation.application.Views.Ranking;
import city.yingzao.evaluation.application.Views.RankingRow;
import city.yingzao.evaluation.domain.Disagreement;
import city.yingzao.evaluation.domain.EvaluationKind;
import city.yingzao.evaluation.domain.EvaluationStatus;
import city.yingzao.evaluation.domain.Framework;
import city.yingzao.evaluation.domain.Grade;
import city.yingzao.evaluation.domain.Scoring;
import city.yingzao.evaluation.infrastructure.EvaluationStore;
import city.yingzao.evaluation.infrastructure.EvaluationStore.EvaluationRow;
import city.yingzao.evaluation.infrastructure.FrameworkStore;
import city.yingzao.evaluation.infrastructure.SheetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranking across a call (E6): every evaluation of the call and kind with submitted sheets, aggregated
 * from its sheets with per-domain breakdowns, best first (ties by project id); and the public's view
 * of a project: its released grades.
 */
@ApplicationScoped
public class RankingService {

    @Inject
    EvaluationStore evaluations;

    @Inject
    SheetStore sheets;

    @Inject
    FrameworkStore frameworks;

    @Transactional
    public Ranking ranking(String callId, String kind) {
        long started = System.nanoTime();
        EvaluationKind k = EvaluationService.parseKind(kind == null ? "MID_TERM" : kind);
        List<EvaluationRow> rows = evaluations.ofCall(callId, k);
        record Scored(EvaluationRow e, int sheets, Scoring.Result result, boolean flagged) {
        }
        List<Scored> scored = new ArrayList<>();
        Map<String, List<EvaluationRow>> byVersion = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                EvaluationRow::frameworkVersion, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        byVersion.forEach((version, ofVersion) -> {
            Framework f = frameworks.find(version).orElseThrow();
            SheetStore.RankingInput input = sheets.rankingInput(ofVersion.stream().map(EvaluationRow::id).toList(), f,
                    Disagreement.INDICATOR_SPREAD);
            for (EvaluationRow e : ofVersion) {
                List<Scoring.SheetSums> complete = input.sums().get(e.id());
                if (complete == null) {
                    continue;
                }
                Scoring.Result r = Scoring.aggregateSums(f, complete);
                boolean flagged = input.flaggedIndicators().getOrDefault(e.id(), 0) > 0
                        || Disagreement.of(f, List.of(), r.sheets()).overall() != null;
                scored.add(new Scored(e, complete.size(), r, flagged));
            }
        });
        scored.sort(Comparator.comparing((Scored s) -> s.result().overall()).reversed()
                .thenComparing(s -> s.e().projectId()));
        List<RankingRow> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new RankingRow(i + 1, s.e().id().toString(), s.e().projectId(), s.e().organisationCode(), s.e().communityCode(),
                    s.e().status().name(), s.sheets(), ResultService.scores(s.result().domainScores()), s.result().overall(),
                    s.result().grade().name(), s.flagged()));
        }
        return new Ranking(callId, k.name(), rows.size(), (System.nanoTime() - started) / 1_000_000, ranked);
    }

    @Transactional
    public List<PublicGrade> publicGrades(String projectId) {
        return evaluations.releasedOfProject(projectId).stream().filter(e -> e.result() != null).map(e -> {
            Grade g = Grade.valueOf(e.result().grade());
            BigDecimal overall = e.result().overall();
            return new PublicGrade(e.kind().name(), e.frameworkVersion(), overall, g.name(), g.zh(), e.result().passed(), e.releasedAt(),
                    e.status() == EvaluationStatus.FINAL);
        }).toList();
    }
}

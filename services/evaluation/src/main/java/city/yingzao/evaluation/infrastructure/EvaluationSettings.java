package city.yingzao.evaluation.infrastructure;

import city.yingzao.kernel.settings.SettingDefinition;
import city.yingzao.kernel.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The numbers of participatory evaluation an operator may change ({@code /api/settings}, audited):
 * the appeal window (E5) and the number of evaluators per evaluation (E6). The value in force when
 * an evaluation opens is frozen onto it.
 */
@ApplicationScoped
public class EvaluationSettings {

    public static final String APPEAL_WINDOW_DAYS = "evaluation.appeal-window-days";
    public static final String EVALUATORS_PER_EVALUATION = "evaluation.evaluators-per-evaluation";

    @Inject
    Settings settings;

    @ConfigProperty(name = "yingzao.evaluation.appeal-window-days", defaultValue = "7")
    int appealWindowDays;

    @ConfigProperty(name = "yingzao.evaluation.evaluators-per-evaluation", defaultValue = "3")
    int evaluatorsPerEvaluation;

    @Produces
    @jakarta.inject.Singleton
    SettingDefinition appealWindowDefinition() {
        return SettingDefinition.whole(APPEAL_WINDOW_DAYS, "E5",
                "Asia/Shanghai days after release in which the organisation may respond or appeal", appealWindowDays, 1, 60);
    }

    @Produces
    @jakarta.inject.Singleton
    SettingDefinition evaluatorsPerEvaluationDefinition() {
        return SettingDefinition.whole(EVALUATORS_PER_EVALUATION, "E6",
                "evaluators assigned to each evaluation (2 or 3); auto-assignment fills up to it", evaluatorsPerEvaluation, 2, 3);
    }

    public int appealWindowDays() {
        return (int) settings.whole(APPEAL_WINDOW_DAYS);
    }

    public int evaluatorsPerEvaluation() {
        return (int) settings.whole(EVALUATORS_PER_EVALUATION);
    }
}

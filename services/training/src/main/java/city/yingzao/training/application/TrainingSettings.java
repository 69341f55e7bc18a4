package city.yingzao.training.application;

import city.yingzao.kernel.settings.SettingDefinition;
import city.yingzao.kernel.settings.Settings;
import city.yingzao.training.domain.SchemeTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * T3: the numbers of the two certification schemes an operator may change ({@code /api/settings},
 * audited): validity in months, the recertification window in days, the assessment threshold. The
 * values in force when a certificate is granted or renewed are frozen onto it.
 */
@ApplicationScoped
public class TrainingSettings {

    public static final String EVALUATOR = "PARTICIPATORY_EVALUATOR";
    public static final String SUPERVISOR = "SUPERVISOR";

    @Inject
    Settings settings;

    static String key(String scheme, String what) {
        return "certification." + scheme.toLowerCase().replace('_', '-') + "." + what;
    }

    @Produces
    SettingDefinition evaluatorValidity(TrainingConfig c) {
        return SettingDefinition.whole(key(EVALUATOR, "validity-months"), "T3", "months a participatory evaluator certificate is valid",
                c.evaluator().validityMonths(), 1, 120);
    }

    @Produces
    SettingDefinition evaluatorWindow(TrainingConfig c) {
        return SettingDefinition.whole(key(EVALUATOR, "recertification-window-days"), "T3",
                "days before expiry a participatory evaluator may renew", c.evaluator().recertificationWindowDays(), 0, 730);
    }

    @Produces
    SettingDefinition evaluatorThreshold(TrainingConfig c) {
        return SettingDefinition.whole(key(EVALUATOR, "assessment-threshold"), "T3",
                "least assessment score (0-100) that certifies a participatory evaluator", c.evaluator().assessmentThreshold(), 0, 100);
    }

    @Produces
    SettingDefinition supervisorValidity(TrainingConfig c) {
        return SettingDefinition.whole(key(SUPERVISOR, "validity-months"), "T3", "months a supervisor certificate is valid",
                c.supervisor().validityMonths(), 1, 120);
    }

    @Produces
    SettingDefinition supervisorWindow(TrainingConfig c) {
        return SettingDefinition.whole(key(SUPERVISOR, "recertification-window-days"), "T3", "days before expiry a supervisor may renew",
                c.supervisor().recertificationWindowDays(), 0, 730);
    }

    @Produces
    SettingDefinition supervisorThreshold(TrainingConfig c) {
        return SettingDefinition.whole(key(SUPERVISOR, "assessment-threshold"), "T3",
                "least assessment score (0-100) that certifies a supervisor", c.supervisor().assessmentThreshold(), 0, 100);
    }

    /** The terms in force for a scheme; a scheme without settings of its own takes the evaluator's. */
    public SchemeTerms terms(String scheme) {
        String s = SUPERVISOR.equals(scheme) ? SUPERVISOR : EVALUATOR;
        return new SchemeTerms((int) settings.whole(key(s, "validity-months")), (int) settings.whole(key(s, "recertification-window-days")),
                (int) settings.whole(key(s, "assessment-threshold")));
    }
}

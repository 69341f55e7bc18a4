package city.yingzao.registry.application;

import city.yingzao.kernel.settings.SettingDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The registry's numbers an operator may change at run time ({@code /api/settings}, audited);
 * their defaults come from configuration ({@link CoverageConfig}).
 */
@ApplicationScoped
public class RegistrySettings {

    public static final String COVERAGE_TARGET = "coverage.target";
    public static final String COVERAGE_RUNNING_FROM_STAGE = "coverage.running-from-stage";

    @Produces
    SettingDefinition coverageTarget(CoverageConfig config) {
        return SettingDefinition.decimal(COVERAGE_TARGET, "P2",
                "share of communities the programme aims to have running a community-building action",
                config.target(), 0, 1);
    }

    @Produces
    SettingDefinition coverageRunningFromStage(CoverageConfig config) {
        return SettingDefinition.whole(COVERAGE_RUNNING_FROM_STAGE, "P2",
                "first step of the six-step path at which a community counts as running an action",
                config.runningFromStage(), 1, 6);
    }
}

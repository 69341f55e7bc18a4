package city.yingzao.grants.application;

import city.yingzao.grants.domain.Tranches;
import city.yingzao.kernel.settings.SettingDefinition;
import city.yingzao.kernel.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The grants numbers an operator may change (audited at {@code /api/settings}): the tranche split (G4).
 * The value in force when a call opens is frozen onto the call. The evaluation framework version in force
 * (E1) is configuration ({@code yingzao.grants.framework-version}), frozen onto the call as well.
 */
@ApplicationScoped
public class GrantsSettings {

    public static final String TRANCHE_SPLIT = "grants.tranche-split";

    @Inject
    Settings settings;

    @ConfigProperty(name = "yingzao.grants.framework-version", defaultValue = "provisional-2016-v1")
    String frameworkVersion;

    @Produces
    SettingDefinition trancheSplit(@ConfigProperty(name = "yingzao.grants.tranche-split", defaultValue = "40/40/20") String split) {
        return new SettingDefinition(TRANCHE_SPLIT, "G4", "tranche shares of an award in percent, first to last (e.g. 40/40/20)",
                split, Tranches::checkSplit);
    }

    public String trancheSplit() {
        return settings.value(TRANCHE_SPLIT);
    }

    public String frameworkVersion() {
        return frameworkVersion;
    }
}

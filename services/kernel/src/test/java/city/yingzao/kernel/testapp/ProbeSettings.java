package city.yingzao.kernel.testapp;

import city.yingzao.kernel.settings.SettingDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A setting of the test application, declared the way services declare theirs. */
@ApplicationScoped
public class ProbeSettings {

    @Produces
    SettingDefinition quorumShare() {
        return SettingDefinition.decimal("quorum.share", "D6", "share of members who must be present", 0.8, 0.5, 1.0);
    }
}

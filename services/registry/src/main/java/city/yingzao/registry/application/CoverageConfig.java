package city.yingzao.registry.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults of the P2 coverage settings (per city); the city operator changes them at run time, audited ({@link RegistrySettings}). */
@ConfigMapping(prefix = "yingzao.registry.coverage")
public interface CoverageConfig {

    /**
     * The first step of the six-step path at which a community counts as running a
     * community-building action. Default 2: resident self-organisations have formed, the first
     * step an operator can verify from outside.
     */
    @WithDefault("2")
    int runningFromStage();

    /** The share of communities the programme aims for (the article: 90% by 2020). */
    @WithDefault("0.90")
    double target();
}

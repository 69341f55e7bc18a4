package city.yingzao.registry.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the all-or-nothing CSV imports. */
@ConfigMapping(prefix = "yingzao.registry.import")
public interface ImportConfig {

    /**
     * The most data rows one file may hold. A file is validated whole and written in one
     * transaction, so it lives in memory once; larger registers are split into several files.
     */
    @WithDefault("50000")
    int maxRows();
}

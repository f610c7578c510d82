package io.schedsim.spark;

import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.search.engine.EngineOptions;
import java.nio.file.Path;
import java.util.Map;

/** What the Spark tests sweep, and a {@code local[2]} engine on loopback. */
final class LocalSpark {
    /** A bug-zoo variant that fails about one seed in ten, on one invariant, two signatures. */
    static final String VARIANT = "double-counted-node-loss";
    static final long LAST_SEED = 150;

    private LocalSpark() {}

    static SearchSettings sweep(Path out) {
        return SearchSettings.of("chaos-swarm", VARIANT).seeds(1, LAST_SEED).outDir(out);
    }

    static EngineOptions local2() {
        return EngineOptions.cluster("local[2]").withProperties(Map.of(
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1"));
    }
}

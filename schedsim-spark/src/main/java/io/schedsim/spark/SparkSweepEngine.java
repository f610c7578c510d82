package io.schedsim.spark;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SweepEngine;

/**
 * The {@code spark} sweep engine ({@code --engine spark}). Opening it checks the Java version and
 * the master URL before any Spark class is touched, then starts a {@code SparkContext}:
 * {@link EngineOptions#master()} (default: {@code spark.master} as {@code spark-submit} sets it,
 * else {@code local[*]}), {@link EngineOptions#properties()} as Spark configuration, and
 * {@link EngineOptions#jars()} plus the schedsim job jar as {@code spark.jars} for a cluster.
 * The Spark web UI is off unless {@code spark.ui.enabled} says otherwise.
 */
public final class SparkSweepEngine implements SweepEngine {
    public static final String NAME = "spark";
    /** Engine property: blocks per task, fixed; by default learnt (see {@code TaskSizer}). */
    public static final String BLOCKS_PER_TASK = "schedsim.spark.blocksPerTask";
    /** Engine property: tasks per core in a round (default 4). */
    public static final String TASKS_PER_CORE = "schedsim.spark.tasksPerCore";

    private volatile SweepEngine.Session last;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session open(EngineOptions options) {
        SparkJvm.checkJava(Runtime.version().feature());
        String master = options.master() == null ? null : MasterUrl.check(options.master());
        try {
            SparkSweepSession session = SparkContexts.start(master, options);
            last = session;
            return session;
        } catch (NoClassDefFoundError e) {
            throw new InputException("--engine spark: Apache Spark is not on the class path ("
                    + e.getMessage() + "); run through ./schedsim, which adds it");
        }
    }

    /** Task counts of the session opened last (stats survive its close); for tests, reports. */
    public SparkTaskStats lastStats() {
        return last instanceof SparkSweepSession spark ? spark.stats() : SparkTaskStats.NONE;
    }
}

package io.schedsim.cli.sweep;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.engine.ThreadsSweepEngine;
import java.util.List;

/**
 * {@code sweep --engine NAME [--master URL]}: the engine, found on the class path with
 * {@link java.util.ServiceLoader} (the CLI knows no engine but {@code threads} at compile time),
 * and the options that apply to it. {@code spark} is on the class path when {@code ./schedsim}
 * sees {@code --engine spark}.
 */
public final class EngineChoice {
    static final String SPARK = "spark";

    private EngineChoice() {}

    /** The engine called {@code name}, or an input error saying how to get it. */
    public static SweepEngine find(String name) {
        return SweepEngine.find(name).orElseThrow(() -> new InputException(missing(name,
                SweepEngine.names())));
    }

    static String missing(String name, List<String> known) {
        if (name.equals(SPARK)) {
            return "--engine spark: the Spark engine is not on the class path; run the sweep "
                    + "through ./schedsim, which builds schedsim-spark and adds it with Apache "
                    + "Spark, or spark-submit schedsim-spark/target/schedsim-spark-job.jar";
        }
        List<String> all = new java.util.ArrayList<>(known);
        if (!all.contains(SPARK)) {
            all.add(SPARK);
        }
        return "--engine: unknown engine '" + name + "' (known: " + String.join(", ", all) + ")";
    }

    /**
     * The options for {@code engine}: {@code --threads} applies to {@code threads} only,
     * {@code --master} to the others (null: the engine's default, {@code local[*]} for Spark).
     */
    public static EngineOptions options(SweepEngine engine, Integer threads, String master,
            int threadCount) {
        boolean inProcess = engine.name().equals(ThreadsSweepEngine.NAME);
        if (inProcess && master != null) {
            throw new InputException("--master: applies to --engine spark, not to --engine "
                    + engine.name());
        }
        if (!inProcess && threads != null) {
            throw new InputException("--threads: applies to --engine threads; with --engine "
                    + engine.name() + " the master's cores run the seeds (e.g. --master "
                    + "local[4])");
        }
        return inProcess ? EngineOptions.threads(threadCount) : EngineOptions.cluster(master);
    }
}

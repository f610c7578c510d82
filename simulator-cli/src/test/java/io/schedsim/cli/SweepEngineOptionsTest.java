package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --engine/--master}: the CLI finds engines on the class path, where only
 * {@code threads} is in this module's tests; anything else is exit 2 with one line saying what
 * to do, before a seed runs.
 */
class SweepEngineOptionsTest {
    @TempDir
    Path dir;

    @Test
    void sparkWithoutTheModuleSaysHowToGetIt() {
        CliRun run = sweep("--engine", "spark");
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(List.of("schedsim: --engine spark: the Spark engine is not on the class path;"
                + " run the sweep through ./schedsim, which builds schedsim-spark and adds it with"
                + " Apache Spark, or spark-submit schedsim-spark/target/schedsim-spark-job.jar"),
                run.errLines());
    }

    @Test
    void anUnknownEngineListsTheKnownOnes() {
        CliRun run = sweep("--engine", "mpi");
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(List.of("schedsim: --engine: unknown engine 'mpi' (known: threads, spark)"),
                run.errLines());
    }

    @Test
    void masterAppliesToSparkOnly() {
        CliRun run = sweep("--master", "local[2]");
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(List.of("schedsim: --master: applies to --engine spark, not to --engine "
                + "threads"), run.errLines());
    }

    @Test
    void threadsIsTheDefaultEngine() {
        CliRun run = sweep("--engine", "threads", "--threads", "1");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    }

    private CliRun sweep(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "chaos-swarm", "--seeds",
                "1..2", "--out", dir.resolve("out").toString()));
        args.addAll(List.of(options));
        return CliRun.builtIn(args.toArray(String[]::new));
    }
}

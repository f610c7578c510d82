package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.cli.Plugins;
import io.schedsim.cli.Main;
import io.schedsim.prop.search.SearchReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedsim sweep --engine spark} with the module on the class path, as {@code ./schedsim}
 * runs it: the CLI finds the engine, prints the same JSON as the threads engine (for a user's
 * plugin from {@code --classpath} too), and turns bad combinations into one {@code schedsim:}
 * line and exit 2.
 */
class SparkCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sparkSweepPrintsWhatTheThreadsSweepPrints() throws IOException {
        Run threads = sweep("--threads", "1", "--out", dir.resolve("threads").toString());
        Run spark = sweep("--engine", "spark", "--master", "local[2]", "--out",
                dir.resolve("spark").toString());
        assertEquals(1, threads.exitCode, threads::toString);
        assertEquals(1, spark.exitCode, spark::toString);
        assertEquals("", spark.err, spark::toString);
        assertEquals(ComparableReport.of(JSON.readValue(threads.out, SearchReport.class)),
                ComparableReport.of(JSON.readValue(spark.out, SearchReport.class)));
    }

    @Test
    void aUsersPluginTravelsByNameAndProviderToTheExecutors() throws IOException {
        String jar = UserPluginJar.build(dir).toString();
        List<String> sweep = List.of("sweep", "fixture-drains", "--variant",
                "fixture-system-stopper", "--check", "fixture-no-node-down", "--seeds", "1..24",
                "--json", "--classpath", jar);
        Run threads = run(sweep, "--threads", "2", "--out", dir.resolve("threads").toString());
        Run spark = run(sweep, "--engine", "spark", "--master", "local[2]", "--out",
                dir.resolve("spark").toString());
        assertEquals(1, threads.exitCode, threads::toString);
        assertEquals(1, spark.exitCode, spark::toString);
        SearchReport report = JSON.readValue(spark.out, SearchReport.class);
        assertEquals(ComparableReport.of(JSON.readValue(threads.out, SearchReport.class)),
                ComparableReport.of(report));
        assertTrue(report.failures().size() >= 1, spark::toString);
        Run missing = run(List.of("sweep", "chaos-swarm", "--seeds", "1..8", "--json"),
                "--engine", "spark", "--master", "local[2]", "--classpath",
                dir.resolve("nope.jar").toString());
        assertEquals(2, missing.exitCode, missing::toString);
    }

    @Test
    void threadsDoesNotApplyToSpark() {
        Run run = sweep("--engine", "spark", "--threads", "2");
        assertEquals(2, run.exitCode, run::toString);
        assertEquals("schedsim: --threads: applies to --engine threads; with --engine spark the "
                + "master's cores run the seeds (e.g. --master local[4])\n", run.err);
    }

    @Test
    void aBadMasterIsExitTwoBeforeSparkStarts() {
        Run run = sweep("--engine", "spark", "--master", "spark:/nohost");
        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.err.startsWith("schedsim: --master: not a Spark master URL: "
                + "'spark:/nohost'"), run::toString);
    }

    private Run run(List<String> command, String... options) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(Plugins.STANDARD, new PrintWriter(out),
                new PrintWriter(err), args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run sweep(String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", "chaos-swarm", "--variant",
                LocalSpark.VARIANT, "--seeds", "1..60", "--json"));
        args.addAll(List.of(options));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", dir.resolve("out").toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(Plugins.STANDARD, new PrintWriter(out),
                new PrintWriter(err), args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {}
}

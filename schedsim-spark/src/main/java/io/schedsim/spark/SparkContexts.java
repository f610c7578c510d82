package io.schedsim.spark;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.engine.EngineOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * Starts the {@link SparkContext} of a {@code spark} session. Executors on a cluster get the
 * schedsim classes from the job jar ({@code schedsim-spark-job.jar}), named by {@value #JOB_JAR}
 * (the launcher sets it) or found as the jar this class came from; under {@code spark-submit},
 * {@code spark.jars} holds it already. Users' jars ({@link EngineOptions#jars()}) are added; a
 * directory on {@code --classpath} serves local masters only (their executors share this JVM).
 */
final class SparkContexts {
    /** System property: the job jar to ship to a cluster's executors. */
    static final String JOB_JAR = "schedsim.spark.jobJar";
    private static final String JOB_JAR_SUFFIX = "-job.jar";

    private SparkContexts() {}

    static SparkSweepSession start(String master, EngineOptions options) {
        SparkConf conf = new SparkConf(true);
        conf.setIfMissing("spark.app.name", "schedsim sweep");
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", MasterUrl.DEFAULT);
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        int blocksPerTask = 0;
        int tasksPerCore = TaskSizer.TASKS_PER_CORE;
        for (var property : options.properties().entrySet()) {
            if (property.getKey().equals(SparkSweepEngine.BLOCKS_PER_TASK)) {
                blocksPerTask = Integer.parseInt(property.getValue());
            } else if (property.getKey().equals(SparkSweepEngine.TASKS_PER_CORE)) {
                tasksPerCore = Integer.parseInt(property.getValue());
            } else {
                conf.set(property.getKey(), property.getValue());
            }
        }
        String actualMaster = MasterUrl.check(conf.get("spark.master"));
        conf.set("spark.jars", String.join(",", jars(conf, actualMaster, options)));
        try {
            return new SparkSweepSession(new SparkContext(conf), blocksPerTask, tasksPerCore);
        } catch (RuntimeException e) {
            throw new InputException("--master " + actualMaster + ": Spark did not start: "
                    + SparkSweepSession.firstLine(e));
        }
    }

    /** {@code spark.jars}: what is there, the users' jars, and the job jar for a cluster. */
    private static Set<String> jars(SparkConf conf, String master, EngineOptions options) {
        Set<String> jars = new LinkedHashSet<>();
        Arrays.stream(conf.get("spark.jars", "").split(",")).map(String::strip)
                .filter(jar -> !jar.isEmpty()).forEach(jars::add);
        for (String jar : options.jars()) {
            Path path = Path.of(jar);
            if (Files.isDirectory(path) && MasterUrl.isLocal(master)) {
                // Local executors run in this JVM and load users' classes through the class
                // loader the sweep runs under, which holds the directory already.
                continue;
            }
            if (Files.isDirectory(path)) {
                throw new InputException("--classpath " + jar + ": a cluster's executors need "
                        + "jars; pack the directory into a jar");
            }
            if (!Files.isRegularFile(path)) {
                throw new InputException("--classpath: no such jar: " + jar);
            }
            jars.add(path.toAbsolutePath().toString());
        }
        boolean shipped = jars.stream().anyMatch(jar -> jar.endsWith(JOB_JAR_SUFFIX));
        if (!MasterUrl.isLocal(master) && !shipped) {
            jars.add(jobJar(master));
        }
        return jars;
    }

    private static String jobJar(String master) {
        String named = System.getProperty(JOB_JAR);
        if (named != null && Files.isRegularFile(Path.of(named))) {
            return Path.of(named).toAbsolutePath().toString();
        }
        Path own = ownJar();
        if (own != null && own.getFileName().toString().endsWith(JOB_JAR_SUFFIX)) {
            return own.toString();
        }
        throw new InputException("--master " + master + ": the executors need the schedsim job "
                + "jar; run through ./schedsim (it builds schedsim-spark/target/"
                + "schedsim-spark-job.jar) or pass -D" + JOB_JAR + "=JAR");
    }

    private static Path ownJar() {
        CodeSource source = SparkContexts.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}

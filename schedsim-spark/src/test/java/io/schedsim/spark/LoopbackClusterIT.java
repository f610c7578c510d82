package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.spark.loopback.LoopbackCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on loopback (a Master and two one-core Workers, each its own JVM,
 * executors launched by the Workers from {@code target/spark-home}): {@code spark-submit} of the
 * job jar, as the README says, reports what the threads engine reports on the same seeds; and
 * with one Worker killed by SIGKILL mid-sweep, Spark re-runs its tasks on the other and the
 * result is still the same. Process output: {@code target/loopback-cluster/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopbackClusterIT {
    private static final long LAST_SEED = 200;
    private static final long SUBMIT_SECONDS_MAX = 180;
    private static final Path LOGS = Path.of("target", "loopback-cluster");

    @TempDir
    static Path dir;

    private static LoopbackCluster cluster;
    private static ComparableReport threads;

    @BeforeAll
    static void startClusterAndSweepOnThreads() {
        cluster = LoopbackCluster.start(Path.of(System.getProperty("schedsim.spark.home")), LOGS,
                2);
        threads = ComparableReport.of(new PropertySearch(sweep(dir.resolve("threads"))
                .threads(1)).run(null));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void sparkSubmitOfTheJobJarReportsWhatTheThreadsEngineReports()
            throws IOException, InterruptedException {
        List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit",
                "--master", cluster.masterUrl(), "--class", SparkSweepMain.class.getName()));
        cluster.driverProperties().forEach((key, value) -> {
            submit.add("--conf");
            submit.add(key + "=" + value);
        });
        submit.addAll(List.of(System.getProperty("schedsim.spark.jobJar"), "chaos-swarm",
                "--variant", LocalSpark.VARIANT, "--seeds", "1.." + LAST_SEED, "--json",
                "--out", dir.resolve("submit").toString()));
        Path stdout = dir.resolve("submit.json");
        Path stderr = LOGS.resolve("spark-submit.log");
        ProcessBuilder builder = new ProcessBuilder(cluster.javaCommand(List.of("-Xmx512m"),
                submit)).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(cluster.environment());
        Process driver = builder.start();
        try {
            assertTrue(driver.waitFor(SUBMIT_SECONDS_MAX, TimeUnit.SECONDS), "spark-submit hung");
        } finally {
            driver.destroyForcibly();
        }
        assertEquals(1, driver.exitValue(), () -> "spark-submit: see " + stderr);
        SearchReport report = new ObjectMapper().readValue(stdout.toFile(), SearchReport.class);
        assertEquals(threads, ComparableReport.of(report));
    }

    @Test
    @Order(2)
    void aWorkerKilledMidSweepLosesNothing() {
        SparkSweepEngine engine = new SparkSweepEngine();
        PropertySearch search = new PropertySearch(sweep(dir.resolve("killed")),
                Registry.builtIn(), engine, EngineOptions.cluster(cluster.masterUrl())
                        .withProperties(cluster.driverProperties()));
        AtomicLong seedsAtKill = new AtomicLong(-1);
        Thread killer = new Thread(() -> cluster.killWorker(1), "kill-worker-1");
        SearchReport report = search.run(progress -> {
            if (seedsAtKill.compareAndSet(-1, progress.seedsRun())) {
                killer.start();
            }
        });
        assertTrue(seedsAtKill.get() > 0 && seedsAtKill.get() < LAST_SEED / 2,
                "killed after " + seedsAtKill + " seeds");
        assertEquals(threads, ComparableReport.of(report));
        SparkTaskStats stats = engine.lastStats();
        assertEquals(2, stats.executorsAdded(), stats::toString);
        assertTrue(stats.executorsRemoved() >= 1 && stats.tasksFailed() >= 1, stats::toString);
    }

    /** Issue 15: guided rounds on the cluster report what they report on one thread. */
    @Test
    @Order(3)
    void guidedSearchOnTheClusterReportsWhatTheThreadsEngineReports() {
        SearchSettings guided = sweep(dir.resolve("guided-threads")).seeds(1, 520)
                .search(SearchSettings.GUIDED).shrink(false);
        ComparableReport one = ComparableReport.of(new PropertySearch(guided.threads(1))
                .run(null));
        SearchReport report = new PropertySearch(guided.outDir(dir.resolve("guided-cluster")),
                Registry.builtIn(), new SparkSweepEngine(), EngineOptions.cluster(
                        cluster.masterUrl()).withProperties(cluster.driverProperties()))
                .run(null);
        assertEquals(one, ComparableReport.of(report));
    }

    private static SearchSettings sweep(Path out) {
        return LocalSpark.sweep(out).seeds(1, LAST_SEED);
    }
}

package io.schedsim.spark.bench;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.search.ScanWork;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.engine.ThreadsSweepEngine;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.spark.SparkSweepEngine;
import io.schedsim.spark.loopback.LoopbackCluster;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seeds per second of the same sweep blocks (the staged search's scan of {@code chaos-swarm},
 * the correct model, 8 seeds a block) on three engines: threads (2), Spark {@code local[2]},
 * and a loopback standalone cluster of two one-core Workers; then Spark's fixed cost per job (a
 * round trip of one empty task) and per task (many empty tasks in one job). Each engine first
 * runs a warm-up sweep (JIT, executors), timed as "first sweep"; then the best of three sweeps
 * counts, threads and {@code local[2]} alternating (this machine's speed drifts). No JMH: the
 * costs measured are whole seconds of JVMs and sockets, not nanoseconds.
 *
 * <p>{@code schedsim-spark/benchmark.sh [SEEDS]} builds and runs it.
 */
public final class SparkSweepBenchmark {
    private static final int BLOCK_SEEDS = 8;
    private static final long WARM_UP_SEEDS = 400;
    private static final int JOBS = 10;
    private static final int EMPTY_TASKS = 256;
    private static final int REPEATS = 3;
    /** As the local[2] driver's heap is large, so the executors' GC is no handicap. */
    private static final String EXECUTOR_MEMORY = "2g";

    private SparkSweepBenchmark() {}

    public static void main(String[] args) {
        long seeds = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        Path sparkHome = Path.of(args.length > 1 ? args[1] : "schedsim-spark/target/spark-home");
        Map<String, String> loopback = Map.of("spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1");
        System.out.printf(Locale.ROOT, "%d seeds of chaos-swarm (correct model), blocks of %d, "
                + "best of %d; %d cores, Java %s, executors %s%n", seeds, BLOCK_SEEDS, REPEATS,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), EXECUTOR_MEMORY);
        EngineOptions local = EngineOptions.cluster("local[2]").withProperties(loopback);
        // One SparkContext per JVM: threads and local[2] alternate within one, the cluster after.
        try (Sweeps threads = new Sweeps("threads (2)", new ThreadsSweepEngine(),
                EngineOptions.threads(2));
                Sweeps spark = new Sweeps("spark local[2]", new SparkSweepEngine(), local)) {
            for (int r = 0; r < REPEATS; r++) {
                threads.measure(seeds);
                spark.measure(seeds);
            }
            threads.print(seeds);
            spark.print(seeds);
        }
        costs("spark local[2]", local);
        try (LoopbackCluster cluster = LoopbackCluster.start(sparkHome,
                Path.of("target", "benchmark-cluster"), 2)) {
            Map<String, String> properties = new HashMap<>(cluster.driverProperties());
            properties.put("spark.executor.memory", EXECUTOR_MEMORY);
            EngineOptions onCluster = EngineOptions.cluster(cluster.masterUrl())
                    .withProperties(properties);
            try (Sweeps spark = new Sweeps("spark cluster (2 Workers)", new SparkSweepEngine(),
                    onCluster)) {
                for (int r = 0; r < REPEATS; r++) {
                    spark.measure(seeds);
                }
                spark.print(seeds);
            }
            costs("spark cluster (2 Workers)", onCluster);
        }
    }

    /** Timed sweeps on one session: a warm-up first (JIT, executors), then the best of the rest. */
    private static final class Sweeps implements AutoCloseable {
        private final String name;
        private final SweepEngine.Session session;
        private final double openMillis;
        private final ScanWork scan = ScanWork.of(RunSpec.of(Registry.builtIn()
                .scenario("chaos-swarm")), Registry.builtIn(), "mixed");
        private double firstMillis = -1;
        private double bestMillis = Double.MAX_VALUE;
        private long from = 1_000_001;

        Sweeps(String name, SweepEngine engine, EngineOptions options) {
            this.name = name;
            long start = System.nanoTime();
            this.session = engine.open(options);
            this.openMillis = (System.nanoTime() - start) / 1e6;
        }

        void measure(long seeds) {
            if (firstMillis < 0) {
                firstMillis = Timed.run(session, scan, SeedBlock.split(1, WARM_UP_SEEDS,
                        BLOCK_SEEDS)).millis();
            }
            Timed timed = Timed.run(session, scan, SeedBlock.split(from, from + seeds - 1,
                    BLOCK_SEEDS));
            from += seeds;
            bestMillis = Math.min(bestMillis, timed.millis());
        }

        void print(long seeds) {
            System.out.printf(Locale.ROOT, "%-26s %,8.0f seeds/s   (open %,.0f ms; first sweep "
                    + "of %d seeds %,.0f ms)%n", name, seeds * 1000 / bestMillis, openMillis,
                    WARM_UP_SEEDS, firstMillis);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static void costs(String name, EngineOptions options) {
        Map<String, String> properties = new HashMap<>(options.properties());
        properties.put(SparkSweepEngine.BLOCKS_PER_TASK, "1");
        properties.put(SparkSweepEngine.TASKS_PER_CORE, String.valueOf(EMPTY_TASKS));
        try (SweepEngine.Session session = new SparkSweepEngine()
                .open(options.withProperties(properties))) {
            Timed.run(session, new NoWork(), SeedBlock.split(1, EMPTY_TASKS, 1));
            double job = 0;
            for (int j = 0; j < JOBS; j++) {
                job += Timed.run(session, new NoWork(), List.of(new SeedBlock(1, 1)).iterator())
                        .millis();
            }
            job /= JOBS;
            Timed many = Timed.run(session, new NoWork(), SeedBlock.split(1, EMPTY_TASKS, 1));
            int slots = session.parallelism();
            double perTask = (many.millis() - job) * slots / (EMPTY_TASKS - 1);
            System.out.printf(Locale.ROOT, "%-26s job %,.1f ms (one empty task, round trip); "
                    + "task %,.2f ms of a core (%d empty tasks in one job, %d cores)%n", name, job,
                    perTask, EMPTY_TASKS, slots);
        }
    }
}

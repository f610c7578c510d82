package io.schedsim.spark.loopback;

import io.schedsim.spark.SparkJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on 127.0.0.1: one Master and {@code workers} Workers of one core
 * each, every one a {@code java} process started here, with its output in {@code dir} (emptied
 * first). Workers
 * launch their executors from {@code SPARK_HOME/jars} (hence {@code SPARK_HOME} and {@code
 * SPARK_SCALA_VERSION} in their environment, or they fail with "Cannot find any build
 * directories"). Web UIs take free ports. {@link #close()} ends every process it started and
 * their children (the executors), and a shutdown hook does so if the JVM exits first.
 */
public final class LoopbackCluster implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final long START_MILLIS_MAX = 60_000;
    private static final String REGISTERED = "Successfully registered with master";
    /** What a Worker offers its executor: an upper bound; the driver asks for less or as much. */
    private static final String WORKER_MEMORY = "2g";
    /**
     * Master and Workers only pass messages: a small heap, one GC thread, and the client compiler
     * only, which halves their start-up CPU on a two-core machine (the executors keep C2).
     */
    private static final List<String> DAEMON_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Path sparkHome;
    private final Path dir;
    private final int masterPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final List<ProcessHandle> orphans = new ArrayList<>();
    private final Thread cleanup = new Thread(this::stopAll, "loopback-cluster-cleanup");

    private LoopbackCluster(Path sparkHome, Path dir, int masterPort) {
        this.sparkHome = sparkHome.toAbsolutePath();
        this.dir = dir.toAbsolutePath();
        this.masterPort = masterPort;
    }

    /** Starts the Master and the Workers and waits until every Worker has registered. */
    public static LoopbackCluster start(Path sparkHome, Path dir, int workers) {
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalArgumentException(sparkHome + "/jars is missing; build it with "
                    + "mvn -pl schedsim-spark -am verify (the spark-home execution)");
        }
        LoopbackCluster cluster = new LoopbackCluster(sparkHome, dir, freePort());
        Runtime.getRuntime().addShutdownHook(cluster.cleanup);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            cluster.startMaster();
            for (int w = 0; w < workers; w++) {
                cluster.workers.add(cluster.startWorker(w));
            }
            for (int w = 0; w < workers; w++) {
                cluster.awaitLog(dir.resolve("worker-" + w + ".log"), REGISTERED);
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io)
                    : (RuntimeException) e;
        }
    }

    public String masterUrl() {
        return "spark://" + HOST + ":" + masterPort;
    }

    /**
     * Spark settings a driver on this machine needs to talk to the cluster over loopback, and a
     * small executor heap for tests (the benchmark asks for more).
     */
    public Map<String, String> driverProperties() {
        return Map.of("spark.driver.host", HOST, "spark.driver.bindAddress", HOST,
                "spark.executor.memory", "512m");
    }

    /** The environment of a Spark process on this cluster (also for {@code spark-submit}). */
    public Map<String, String> environment() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_LOCAL_IP", HOST);
    }

    /**
     * A {@code java} command line with Spark's options and class path, {@code jvmOptions}, then
     * {@code mainArgs}.
     */
    public List<String> javaCommand(List<String> jvmOptions, List<String> mainArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SparkJvm.options());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.addAll(mainArgs);
        return command;
    }

    /** Kills Worker {@code index} with SIGKILL ({@code kill -9}); its executor loses it next. */
    public void killWorker(int index) {
        ProcessHandle worker = workers.get(index).toHandle();
        orphans.addAll(worker.descendants().toList());
        worker.destroyForcibly();
        try {
            worker.onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void startMaster() throws IOException {
        processes.add(launch("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", HOST, "--port", String.valueOf(masterPort), "--webui-port", "0")));
        long deadline = System.currentTimeMillis() + START_MILLIS_MAX;
        while (!accepts(masterPort)) {
            checkAlive(processes.get(0), "master");
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the Master did not open port " + masterPort);
            }
            sleep(100);
        }
    }

    private Process startWorker(int index) throws IOException {
        Path work = Files.createDirectories(dir.resolve("worker-" + index + "-work"));
        Process worker = launch("worker-" + index, List.of(
                "org.apache.spark.deploy.worker.Worker", "--host", HOST, "--webui-port", "0",
                "--cores", "1", "--memory", WORKER_MEMORY, "--work-dir", work.toString(), masterUrl()));
        processes.add(worker);
        return worker;
    }

    private Process launch(String name, List<String> mainArgs) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(DAEMON_OPTIONS, mainArgs));
        builder.environment().putAll(environment());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve(name + ".log").toFile());
        return builder.start();
    }

    private void awaitLog(Path log, String line) throws IOException {
        long deadline = System.currentTimeMillis() + START_MILLIS_MAX;
        while (!Files.exists(log)
                || !Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(log + ": no '" + line + "' within "
                        + START_MILLIS_MAX / 1000 + " s");
            }
            sleep(100);
        }
    }

    private static void checkAlive(Process process, String name) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the " + name + " exited with " + process.exitValue());
        }
    }

    /** Output and work directories of an earlier cluster go: each app copies the job jar there. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Ends every process it started and their children; safe to call twice. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running.
        }
    }

    private synchronized void stopAll() {
        List<ProcessHandle> all = new ArrayList<>(orphans);
        for (Process process : processes) {
            all.addAll(process.toHandle().descendants().toList());
            all.add(process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + 5_000;
        for (ProcessHandle handle : all) {
            while (handle.isAlive() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            handle.destroyForcibly();
        }
    }
}

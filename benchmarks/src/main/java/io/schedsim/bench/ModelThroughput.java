package io.schedsim.bench;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.FaultInjector;
import io.schedsim.fault.kind.KillerPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.task.RayWorkloadSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full model running {@code ray-chaos} at its defaults (SC-1: a 0-CPU head, 9 × 16-CPU
 * workers, 21,600 nested tasks, the killer terminating 2 instances, health-check detection).
 * Each invocation dispatches exactly {@value #BATCH_EVENTS} events, starting a fresh run whenever
 * one finishes, so one operation is one dispatched model event and the score is events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ModelThroughput {
    private static final int BATCH_EVENTS = 10_000;

    private Simulation simulation;
    private Cluster cluster;
    private long seed;

    private void newRun() {
        seed++;
        simulation = new Simulation(seed);
        cluster = Cluster.create(simulation, new ClusterConfig(), ModelComponents.defaults());
        cluster.addNode(0, 65_536, true);
        for (int i = 0; i < 9; i++) {
            cluster.addNode(16_000, 65_536, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(21_600, SimTime.millis(800), true,
                SimTime.seconds(1), 1_000, -1, 0));
        cluster.start();
        FaultInjector.install(simulation, cluster,
                KillerPlan.generate(simulation.random("faults"), 60_000, 2, 3_600_000, false));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_EVENTS)
    public long dispatch() {
        int dispatched = 0;
        while (dispatched < BATCH_EVENTS) {
            if (simulation == null || cluster.ray().allTerminal() || !simulation.step()) {
                newRun();
                continue;
            }
            dispatched++;
        }
        return simulation.traceHash();
    }
}

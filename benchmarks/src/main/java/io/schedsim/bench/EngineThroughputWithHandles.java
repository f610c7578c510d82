package io.schedsim.bench;

import io.schedsim.core.event.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link EngineThroughput}'s hold model with every event scheduled for a handle (a slot taken on
 * scheduling, freed on dispatch), as timers that may be cancelled are: what handles cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineThroughputWithHandles {
    @Param({"1000", "100000", "1000000"})
    int pending;

    private Simulation simulation;

    @Setup(Level.Trial)
    public void fill() {
        simulation = EngineThroughput.holdModel(pending, true);
    }

    @Benchmark
    @OperationsPerInvocation(EngineThroughput.BATCH_EVENTS)
    public long dispatch() {
        return EngineThroughput.dispatchBatch(simulation, pending);
    }
}

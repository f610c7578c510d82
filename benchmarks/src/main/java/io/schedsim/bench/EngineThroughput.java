package io.schedsim.bench;

import io.schedsim.core.event.SameTimeOrder;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.random.SimRandom;
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
 * The bare event loop (the hold model): every event's no-op handler reschedules it at a random
 * future time, so the queue holds {@code pending} events throughout and each dispatch is one pop
 * and one push. One operation is one dispatched event; the score is events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineThroughput {
    private static final int BATCH_EVENTS = 100_000;
    // Delays uniform in (0, ~1 ms], the spread of the initial fill, so a rescheduled event lands
    // anywhere in the queue (the classic hold model). A power of two keeps the draw division-free.
    static final long DELAY_NANOS_MAX = 1L << 20;

    @Param({"1000", "100000", "1000000"})
    int pending;

    private Simulation simulation;

    @Setup(Level.Trial)
    public void fill() {
        long usedBytesBefore = usedHeapBytes();
        simulation = new Simulation(1, SameTimeOrder.fifo(), pending);
        SimRandom delays = simulation.random("delays");
        int[] reschedule = new int[1];
        reschedule[0] = simulation.registerKind("reschedule", (entity, payload) -> simulation
                .scheduleAfter(1 + delays.nextLong(DELAY_NANOS_MAX), reschedule[0], entity, payload));
        for (int entity = 0; entity < pending; entity++) {
            simulation.schedule(delays.nextLong(DELAY_NANOS_MAX), reschedule[0], entity, 0);
        }
        // Run long enough for the queue to tune its tiers, then weigh it in its steady state.
        simulation.setEventCountMax(4L * pending);
        simulation.runUntilQuiescent();
        long usedBytes = usedHeapBytes() - usedBytesBefore;
        System.out.printf("%n[EngineThroughput] pending=%d: ~%.1f bytes per pending event%n",
                pending, usedBytes / (double) pending);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_EVENTS)
    public long dispatch() {
        simulation.setEventCountMax(simulation.eventCount() + BATCH_EVENTS);
        StopReason reason = simulation.runUntilQuiescent();
        if (reason != StopReason.EVENT_LIMIT || simulation.pendingCount() != pending) {
            throw new IllegalStateException(reason + " with " + simulation.pendingCount() + " pending");
        }
        return simulation.nowNanos();
    }

    /** Heap in use after a full collection; good to a few percent for arrays of megabytes. */
    private static long usedHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

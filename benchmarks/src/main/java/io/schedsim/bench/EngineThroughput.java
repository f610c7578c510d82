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
 * and one push. One operation is one dispatched event; the score is events per second. The
 * handler has no use for a handle, so it posts ({@link Simulation#postAfter});
 * {@link EngineThroughputWithHandles} measures the same loop keeping handles.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineThroughput {
    static final int BATCH_EVENTS = 100_000;
    // Delays uniform in (0, ~1 ms], the spread of the initial fill, so a rescheduled event lands
    // anywhere in the queue (the classic hold model). A power of two keeps the draw division-free.
    static final long DELAY_NANOS_MAX = 1L << 20;

    @Param({"1000", "100000", "1000000"})
    int pending;

    private Simulation simulation;

    @Setup(Level.Trial)
    public void fill() {
        simulation = holdModel(pending, false);
    }

    /**
     * A filled hold-model simulation in its steady state, its weight printed; with
     * {@code keepHandles} events are scheduled (each gets a handle), otherwise posted.
     */
    static Simulation holdModel(int pending, boolean keepHandles) {
        long usedBytesBefore = usedHeapBytes();
        Simulation simulation = new Simulation(1, SameTimeOrder.fifo(), pending);
        SimRandom delays = simulation.random("delays");
        int[] reschedule = new int[1];
        reschedule[0] = simulation.registerKind("reschedule", keepHandles
                ? (entity, payload) -> simulation.scheduleAfter(
                        1 + delays.nextLong(DELAY_NANOS_MAX), reschedule[0], entity, payload)
                : (entity, payload) -> simulation.postAfter(
                        1 + delays.nextLong(DELAY_NANOS_MAX), reschedule[0], entity, payload));
        for (int entity = 0; entity < pending; entity++) {
            simulation.schedule(delays.nextLong(DELAY_NANOS_MAX), reschedule[0], entity, 0);
        }
        // Run long enough for the queue to tune its tiers, then weigh it in its steady state.
        simulation.setEventCountMax(4L * pending);
        simulation.runUntilQuiescent();
        long usedBytes = usedHeapBytes() - usedBytesBefore;
        System.out.printf("%n[hold model, %s] pending=%d: ~%.1f bytes per pending event%n",
                keepHandles ? "handles" : "posted", pending, usedBytes / (double) pending);
        return simulation;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_EVENTS)
    public long dispatch() {
        return dispatchBatch(simulation, pending);
    }

    /** Dispatches one batch and checks that the queue still holds {@code pending} events. */
    static long dispatchBatch(Simulation simulation, int pending) {
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

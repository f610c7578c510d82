package io.schedsim.bench;

import io.schedsim.core.event.EventQueue;
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
 * {@link EngineThroughput}'s hold model on the event queue alone, without the loop's trace hash
 * and handler dispatch: what the queue costs, to set beside {@link PackedHeapBaseline}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueueHold {
    private static final int BATCH_EVENTS = 100_000;

    @Param({"1000", "100000", "1000000"})
    int pending;

    private EventQueue queue;
    private SimRandom delays;
    private long sequence;

    @Setup(Level.Trial)
    public void fill() {
        queue = new EventQueue(pending);
        delays = SimRandom.stream(1, "delays");
        for (int entity = 0; entity < pending; entity++) {
            queue.push(delays.nextLong(EngineThroughput.DELAY_NANOS_MAX), sequence++, 0, entity, 0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_EVENTS)
    public long dispatch() {
        long time = 0;
        for (int i = 0; i < BATCH_EVENTS; i++) {
            queue.popMin();
            time = queue.poppedTime();
            queue.push(time + 1 + delays.nextLong(EngineThroughput.DELAY_NANOS_MAX), sequence++,
                    queue.poppedKind(), queue.poppedEntity(), queue.poppedPayload());
        }
        return time;
    }
}

package io.schedsim.bench;

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
 * The reference point issue 2 names: a straightforward 4-ary min-heap over packed longs (due time
 * in the high bits, event id in the low 20), in the same hold model as {@link QueueHold}. It has
 * no tie keys, no cancellation and no payloads, so it is a floor for heap-based queues, not a
 * usable event queue. Measured beside {@link QueueHold} so both see the same machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PackedHeapBaseline {
    private static final int BATCH_EVENTS = 100_000;
    private static final int ID_BITS = 20;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    @Param({"1000", "100000", "1000000"})
    int pending;

    private long[] heap;
    private int size;
    private SimRandom delays;

    @Setup(Level.Trial)
    public void fill() {
        heap = new long[pending];
        delays = SimRandom.stream(1, "delays");
        for (int id = 0; id < pending; id++) {
            push(delays.nextLong(EngineThroughput.DELAY_NANOS_MAX) << ID_BITS | id);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_EVENTS)
    public long dispatch() {
        long time = 0;
        for (int i = 0; i < BATCH_EVENTS; i++) {
            long top = popMin();
            time = top >>> ID_BITS;
            long due = time + 1 + delays.nextLong(EngineThroughput.DELAY_NANOS_MAX);
            push(due << ID_BITS | (top & ID_MASK));
        }
        return time;
    }

    private void push(long key) {
        int position = size++;
        while (position > 0) {
            int parent = (position - 1) >>> 2;
            long parentKey = heap[parent];
            if (key >= parentKey) {
                break;
            }
            heap[position] = parentKey;
            position = parent;
        }
        heap[position] = key;
    }

    private long popMin() {
        long top = heap[0];
        long key = heap[--size];
        int position = 0;
        while (true) {
            int first = (position << 2) + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            long bestKey = heap[first];
            int end = Math.min(first + 4, size);
            for (int child = first + 1; child < end; child++) {
                long childKey = heap[child];
                if (childKey < bestKey) {
                    best = child;
                    bestKey = childKey;
                }
            }
            if (key <= bestKey) {
                break;
            }
            heap[position] = bestKey;
            position = best;
        }
        heap[position] = key;
        return top;
    }
}

package io.schedsim.monitor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed heap agrees with a plain array reference on random set, move and remove steps. */
class DeadlineHeapTest {
    @Test
    void agreesWithAReference() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            DeadlineHeap heap = new DeadlineHeap();
            long[] due = new long[40];
            Arrays.fill(due, Time.NEVER);
            for (int step = 0; step < 300; step++) {
                int key = random.nextInt(due.length);
                if (random.nextInt(4) == 0) {
                    heap.remove(key);
                    due[key] = Time.NEVER;
                } else {
                    long when = random.nextInt(1_000);
                    heap.set(key, when);
                    due[key] = when;
                }
                assertEquals(earliest(due), heap.earliest());
                if (!heap.isEmpty()) {
                    assertEquals(heap.earliest(), due[heap.earliestKey()]);
                }
            }
        }
    }

    @Test
    void poppingGivesDeadlinesInOrderThenEmpty() {
        DeadlineHeap heap = new DeadlineHeap();
        for (int key = 0; key < 100; key++) {
            heap.set(key, 1_000 - key);
        }
        long previous = Long.MIN_VALUE;
        int popped = 0;
        while (!heap.isEmpty()) {
            long earliest = heap.earliest();
            assertEquals(1_000 - heap.earliestKey(), earliest);
            assertFalse(earliest < previous);
            previous = earliest;
            heap.remove(heap.earliestKey());
            popped++;
        }
        assertEquals(100, popped);
        assertFalse(heap.contains(5));
        assertEquals(Time.NEVER, heap.earliest());
    }

    private static long earliest(long[] due) {
        long min = Time.NEVER;
        for (long d : due) {
            min = Math.min(min, d);
        }
        return min;
    }
}

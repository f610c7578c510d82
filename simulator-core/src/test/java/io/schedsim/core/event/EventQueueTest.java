package io.schedsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import org.junit.jupiter.api.Test;

/** Ordering, stale and malformed handles, and growth of the event queue. */
class EventQueueTest {

    @Test
    void equalTimesRunInTieKeyOrder() {
        EventQueue queue = new EventQueue(4);
        long[] ties = {5, -3, 9, 0, Long.MIN_VALUE, Long.MAX_VALUE, 2};
        for (long tie : ties) {
            queue.push(100, tie, 0, 0, tie);
        }
        queue.push(99, Long.MAX_VALUE, 0, 0, 99);
        assertEquals(99, popPayload(queue));
        long[] expected = {Long.MIN_VALUE, -3, 0, 2, 5, 9, Long.MAX_VALUE};
        for (long tie : expected) {
            assertEquals(100, queue.minTime());
            assertEquals(tie, popPayload(queue));
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void handlesThatNameNoPendingEventCancelNothing() {
        EventQueue queue = new EventQueue(16);
        EventQueue control = new EventQueue(16);
        fillBoth(queue, control, 40);
        long fired = queue.push(0, -1, 0, 0, -1);
        queue.popMin();
        long cancelled = queue.push(500, 0, 0, 0, -2);
        assertTrue(queue.cancel(cancelled));
        long live = queue.push(7, 1_000, 0, 0, 7);
        control.push(7, 1_000, 0, 0, 7);

        long[] bad = {
            fired,
            cancelled,
            EventQueue.NO_HANDLE,
            live + (1L << 32),                       // right slot, wrong generation
            (1L << 32) | 1_000_000,                  // slot never used
            (1L << 32) | 0xFFFF_FFFFL,               // negative slot
            (1L << 32) | Integer.MAX_VALUE,
            -1L,
            Long.MIN_VALUE,
        };
        for (long handle : bad) {
            int sizeBefore = queue.size();
            String hex = Long.toHexString(handle);
            assertFalse(queue.cancel(handle), "cancel " + hex);
            assertFalse(queue.isPending(handle), "isPending " + hex);
            assertEquals(Long.MIN_VALUE, queue.timeOf(handle), "timeOf " + hex);
            assertEquals(sizeBefore, queue.size());
        }
        assertTrue(queue.isPending(live));
        assertEquals(7, queue.timeOf(live));
        assertSameDrain(control, queue);
    }

    @Test
    void staleHandleDoesNotCancelTheEventThatReusedItsSlot() {
        EventQueue queue = new EventQueue(16);
        long first = queue.push(10, 0, 1, 2, 3);
        queue.popMin();
        // Slots are handed out round the table, so the freed one comes back after a sweep.
        long second = queue.push(20, 1, 1, 2, 4);
        for (int tries = 0; tries < 1_000 && (int) second != (int) first; tries++) {
            queue.popMin();
            second = queue.push(20, 1, 1, 2, 4);
        }
        assertEquals((int) first, (int) second, "the freed slot is reused");
        assertNotEquals(first, second, "a reused slot has a new generation");
        assertFalse(queue.isPending(first));
        assertFalse(queue.cancel(first));
        assertTrue(queue.isPending(second));
        assertEquals(20, queue.timeOf(second));
        assertTrue(queue.cancel(second));
        assertFalse(queue.cancel(second), "second cancel of the same handle");
        assertTrue(queue.isEmpty());
    }

    @Test
    void cancelOfTheLastHeapPositionAndOfTheRoot() {
        EventQueue queue = new EventQueue(16);
        long root = queue.push(1, 0, 0, 0, 1);
        long middle = queue.push(2, 0, 0, 0, 2);
        long last = queue.push(3, 0, 0, 0, 3);
        assertTrue(queue.cancel(last));
        assertTrue(queue.cancel(root));
        assertEquals(2, queue.minTime());
        assertTrue(queue.isPending(middle));
        assertEquals(2, popPayload(queue));
        assertTrue(queue.isEmpty());
    }

    @Test
    void growsFarBeyondItsInitialCapacity() {
        final int pendingCount = 1_000_000;
        EventQueue queue = new EventQueue(1);
        SimRandom random = SimRandom.of(21);
        long[] handles = new long[pendingCount];
        for (int i = 0; i < pendingCount; i++) {
            handles[i] = queue.push(random.nextLong(1_000_000_000L), i, 0, i, i);
        }
        assertEquals(pendingCount, queue.size());
        for (int i = 0; i < pendingCount; i += 99_991) {
            assertTrue(queue.isPending(handles[i]));
        }
        long lastTime = Long.MIN_VALUE;
        long lastTie = Long.MIN_VALUE;
        for (int i = 0; i < pendingCount; i++) {
            long time = queue.minTime();
            long tie = popPayload(queue);
            assertTrue(time > lastTime || (time == lastTime && tie > lastTie),
                    "pop " + i + " out of order");
            lastTime = time;
            lastTie = tie;
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void cancellingMostEventsKeepsTheRestInOrder() {
        final int eventCount = 20_000;
        EventQueue queue = new EventQueue(16);
        SimRandom random = SimRandom.of(33);
        long[] handles = new long[eventCount];
        long[] times = new long[eventCount];
        for (int i = 0; i < eventCount; i++) {
            times[i] = random.nextLong(1_000);
            handles[i] = queue.push(times[i], i, 0, i, i);
        }
        boolean[] cancelled = new boolean[eventCount];
        int pendingCount = eventCount;
        for (int round = 0; round < 3 * eventCount; round++) {
            int victim = random.nextInt(eventCount);
            assertEquals(!cancelled[victim], queue.cancel(handles[victim]));
            pendingCount -= cancelled[victim] ? 0 : 1;
            cancelled[victim] = true;
            assertEquals(pendingCount, queue.size());
        }
        long lastTime = Long.MIN_VALUE;
        long lastTie = Long.MIN_VALUE;
        int drained = 0;
        while (!queue.isEmpty()) {
            long time = queue.minTime();
            queue.popMin();
            int entity = queue.poppedEntity();
            assertFalse(cancelled[entity], "cancelled event " + entity + " dispatched");
            assertEquals(times[entity], time);
            assertTrue(time > lastTime || (time == lastTime && entity > lastTie));
            lastTime = time;
            lastTie = entity;
            drained++;
        }
        assertEquals(pendingCount, drained);
        assertEquals(0, queue.size());
    }

    @Test
    void isPendingAndTimeOfFollowAnEventsLife() {
        EventQueue queue = new EventQueue(16);
        long handle = queue.push(42, 0, 0, 0, 0);
        queue.push(41, 0, 0, 0, 0);
        assertTrue(queue.isPending(handle));
        assertEquals(42, queue.timeOf(handle));
        queue.popMin();
        assertTrue(queue.isPending(handle), "popping another event leaves this one pending");
        queue.popMin();
        assertFalse(queue.isPending(handle));
        assertEquals(Long.MIN_VALUE, queue.timeOf(handle));
    }

    private static long popPayload(EventQueue queue) {
        queue.popMin();
        return queue.poppedPayload();
    }

    private static void fillBoth(EventQueue queue, EventQueue control, int count) {
        SimRandom random = SimRandom.of(count);
        for (int i = 0; i < count; i++) {
            long time = random.nextLong(50);
            queue.push(time, i, 0, i, i);
            control.push(time, i, 0, i, i);
        }
    }

    private static void assertSameDrain(EventQueue expected, EventQueue actual) {
        assertEquals(expected.size(), actual.size());
        while (!expected.isEmpty()) {
            assertEquals(expected.minTime(), actual.minTime());
            assertEquals(popPayload(expected), popPayload(actual));
        }
        assertTrue(actual.isEmpty());
    }
}

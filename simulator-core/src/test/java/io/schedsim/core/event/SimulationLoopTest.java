package io.schedsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.check.CheckFailure;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

/** Run loops, their stop reasons and clocks, the event budget, and requestStop. */
class SimulationLoopTest {
    private final Simulation simulation = new Simulation(1);
    private final LongArrayList seenPayloads = new LongArrayList();
    private final int record =
            simulation.registerKind("record", (entity, payload) -> seenPayloads.add(payload));

    @Test
    void stepDispatchesOneEventAndAdvancesTheClock() {
        assertFalse(simulation.step(), "nothing pending");
        simulation.schedule(30, record, 0, 30);
        simulation.schedule(10, record, 0, 10);
        assertTrue(simulation.step());
        assertEquals(10, simulation.nowNanos());
        assertEquals(1, simulation.eventCount());
        assertEquals(1, simulation.pendingCount());
        assertEquals(LongArrayList.of(10), seenPayloads);
    }

    /** A posted event has no handle but runs, orders and hashes exactly as a scheduled one. */
    @Test
    void postedEventsRunAndHashAsScheduledOnes() {
        long[] hashes = new long[2];
        LongArrayList[] orders = new LongArrayList[2];
        for (int posted = 0; posted < 2; posted++) {
            Simulation sim = new Simulation(9, new RandomOrder(
                    io.schedsim.core.random.SimRandom.of(4)), 16);
            LongArrayList seen = new LongArrayList();
            boolean post = posted == 1;
            int[] kind = new int[1];
            kind[0] = sim.registerKind("chain", (entity, payload) -> {
                seen.add(payload);
                if (payload < 200) {
                    // Same-instant siblings, so the tie order decides.
                    for (int i = 0; i < 3; i++) {
                        long next = payload * 3 + i + 1;
                        if (post) {
                            sim.postAfter(payload % 2, kind[0], entity, next);
                        } else {
                            sim.scheduleAfter(payload % 2, kind[0], entity, next);
                        }
                    }
                }
            });
            sim.post(0, kind[0], 0, 0);
            assertEquals(StopReason.QUEUE_EMPTY, sim.runUntilQuiescent());
            // Payloads 0..199 each spawn three: 1 + 3 * 200 events in all.
            assertEquals(601, seen.size());
            hashes[posted] = sim.traceHash();
            orders[posted] = seen;
        }
        assertEquals(orders[0], orders[1]);
        assertEquals(hashes[0], hashes[1]);
        Simulation late = new Simulation(1);
        late.post(5, late.registerKind("noop", (entity, payload) -> {}), 0, 0);
        late.runUntilQuiescent();
        assertThrows(CheckFailure.class, () -> late.post(4, 0, 0, 0), "posted in the past");
    }

    @Test
    void runUntilIncludesTheLimitAndThenReadsIt() {
        scheduleAt(10, 20, 30, 40);
        assertEquals(StopReason.TIME_LIMIT, simulation.runUntil(30));
        assertEquals(LongArrayList.of(10, 20, 30), seenPayloads);
        assertEquals(30, simulation.nowNanos());
        assertEquals(StopReason.TIME_LIMIT, simulation.runUntil(35));
        assertEquals(35, simulation.nowNanos(), "the clock moves to the limit with no event due");
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntil(100));
        assertEquals(100, simulation.nowNanos());
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntil(50));
        assertEquals(100, simulation.nowNanos(), "an earlier limit never moves the clock back");
    }

    @Test
    void runUntilQuiescentLeavesTheClockAtTheLastEvent() {
        scheduleAt(5, 500, 50);
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntilQuiescent());
        assertEquals(500, simulation.nowNanos());
        assertEquals(3, simulation.eventCount());
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntilQuiescent());
        assertEquals(500, simulation.nowNanos());
    }

    @Test
    void runWhileStopsWhenTheConditionFailsOrTheQueueEmpties() {
        scheduleAt(1, 2, 3, 4);
        assertEquals(StopReason.CONDITION, simulation.runWhile(() -> seenPayloads.size() < 2));
        assertEquals(2, simulation.nowNanos());
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runWhile(() -> true));
        assertEquals(4, simulation.nowNanos());
        assertEquals(4, simulation.eventCount());
    }

    @Test
    void eventBudgetBoundsTheTotalAcrossCalls() {
        int[] forever = new int[1];
        forever[0] = simulation.registerKind("forever",
                (entity, payload) -> simulation.scheduleAfter(7, forever[0], 0, 0));
        simulation.schedule(0, forever[0], 0, 0);
        simulation.setEventCountMax(10);
        assertEquals(StopReason.EVENT_LIMIT, simulation.runUntilQuiescent());
        assertEquals(10, simulation.eventCount());
        assertEquals(63, simulation.nowNanos(), "the clock reads the tenth event");
        assertEquals(StopReason.EVENT_LIMIT, simulation.runUntil(1_000));
        assertEquals(StopReason.EVENT_LIMIT, simulation.runWhile(() -> true));
        assertEquals(10, simulation.eventCount());
        assertEquals(63, simulation.nowNanos(), "a spent budget leaves the clock alone");
        simulation.setEventCountMax(15);
        assertEquals(StopReason.EVENT_LIMIT, simulation.runUntilQuiescent());
        assertEquals(15, simulation.eventCount());
        assertThrows(CheckFailure.class, () -> simulation.setEventCountMax(0));
    }

    @Test
    void requestStopEndsTheRunBeforeTheNextEvent() {
        int stopper =
                simulation.registerKind("stopper", (entity, payload) -> simulation.requestStop());
        scheduleAt(1, 2);
        simulation.schedule(3, stopper, 0, 0);
        scheduleAt(4, 5);
        assertFalse(simulation.stopRequested());
        assertEquals(StopReason.STOPPED, simulation.runUntilQuiescent());
        assertTrue(simulation.stopRequested());
        assertEquals(3, simulation.eventCount());
        assertEquals(3, simulation.nowNanos());
        assertEquals(2, simulation.pendingCount());
        assertEquals(StopReason.STOPPED, simulation.runWhile(() -> true));
    }

    @Test
    void cancelledEventsNeverRun() {
        long keep = simulation.schedule(10, record, 0, 10);
        long drop = simulation.schedule(20, record, 0, 20);
        assertEquals(20, simulation.dueTimeOf(drop));
        assertTrue(simulation.cancel(drop));
        assertFalse(simulation.cancel(drop));
        assertFalse(simulation.isPending(drop));
        assertEquals(Long.MIN_VALUE, simulation.dueTimeOf(drop));
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntilQuiescent());
        assertEquals(LongArrayList.of(10), seenPayloads);
        assertFalse(simulation.cancel(keep), "already fired");
        assertFalse(simulation.cancel(EventQueue.NO_HANDLE));
    }

    @Test
    void kindsAreNamedOnce() {
        assertEquals("record", simulation.kindName(record));
        assertThrows(CheckFailure.class, () -> simulation.registerKind("record", (e, p) -> {}));
        for (int i = 0; i < 40; i++) {
            assertEquals(record + 1 + i, simulation.registerKind("kind-" + i, (e, p) -> {}));
        }
        assertEquals("kind-39", simulation.kindName(record + 40));
        assertSame(SameTimeOrder.fifo(), simulation.order());
    }

    private void scheduleAt(long... timesNanos) {
        for (long time : timesNanos) {
            simulation.schedule(time, record, 0, time);
        }
    }
}

package io.schedsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.check.Check;
import io.schedsim.core.random.SimRandom;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** FIFO keeps scheduling order; seeded strategies permute same-time events and nothing else. */
class SameTimeOrderTest {
    private static final int SAME_TIME_COUNT = 40;

    @Test
    void fifoRunsSameTimeEventsInSchedulingOrder() {
        Simulation simulation = new Simulation(3);
        IntArrayList order = new IntArrayList();
        int[] kinds = new int[3];
        for (int k = 0; k < kinds.length; k++) {
            kinds[k] = simulation.registerKind("kind-" + k, (entity, payload) -> {
                order.add(entity);
                if (entity < SAME_TIME_COUNT) {
                    // Scheduled now, so it runs after every event already due now.
                    simulation.scheduleAfter(0, kinds[0], entity + 1_000, 0);
                }
            });
        }
        for (int i = 0; i < SAME_TIME_COUNT; i++) {
            simulation.schedule(10, kinds[i % 3], i, 0);
        }
        simulation.runUntilQuiescent();
        IntArrayList expected = new IntArrayList();
        for (int i = 0; i < SAME_TIME_COUNT; i++) {
            expected.add(i);
        }
        for (int i = 0; i < SAME_TIME_COUNT; i++) {
            expected.add(i + 1_000);
        }
        assertEquals(expected, order);
    }

    @Test
    void randomOrderPermutesSameTimeEvents() {
        assertSeededPermutations(seed -> new RandomOrder(SimRandom.stream(seed, "order")));
    }

    @Test
    void pctOrderPermutesSameTimeEvents() {
        assertSeededPermutations(seed -> new PctOrder(SimRandom.stream(seed, "pct"), 0, 100));
        assertSeededPermutations(seed -> new PctOrder(SimRandom.stream(seed, "pct"), 3, 100));
    }

    @Test
    void pctChangePointLowersTheDispatchedEntity() {
        // With a change point at dispatch index 0, the first entity to run drops below all others,
        // so when every entity is due again at once it runs last.
        PctOrder order = new PctOrder(SimRandom.of(4), 1, 1);
        Simulation simulation = new Simulation(4, order, 16);
        IntArrayList dispatched = new IntArrayList();
        int kind = simulation.registerKind("tick", (entity, payload) -> dispatched.add(entity));
        for (int entity = 0; entity < 8; entity++) {
            simulation.schedule(1, kind, entity, 0);
        }
        simulation.runUntilQuiescent();
        int lowered = dispatched.getInt(0);
        dispatched.clear();
        for (int entity = 0; entity < 8; entity++) {
            simulation.schedule(2, kind, entity, 0);
        }
        simulation.runUntilQuiescent();
        assertEquals(lowered, dispatched.getInt(7), "dispatch order " + dispatched);
    }

    @Test
    void noStrategyRunsAnEventBeforeAnEarlierOne() {
        List<LongFunction<SameTimeOrder>> strategies = List.of(
                seed -> SameTimeOrder.fifo(),
                seed -> new RandomOrder(SimRandom.stream(seed, "order")),
                seed -> new PctOrder(SimRandom.stream(seed, "pct"), 5, 5_000));
        for (LongFunction<SameTimeOrder> strategy : strategies) {
            for (long seed = 1; seed <= 20; seed++) {
                SameTimeOrder order = strategy.apply(seed);
                try {
                    runMonotonicityScenario(seed, order);
                } catch (RuntimeException | AssertionError failure) {
                    throw new AssertionError(order.describe() + " seed=" + seed, failure);
                }
            }
        }
    }

    /** Events reschedule at short random delays (zero included); each asserts it is on time. */
    private static void runMonotonicityScenario(long seed, SameTimeOrder order) {
        Simulation simulation = new Simulation(seed, order, 16);
        SimRandom delays = simulation.random("delays");
        long[] lastTime = {Long.MIN_VALUE};
        int[] kind = new int[1];
        kind[0] = simulation.registerKind("hop", (entity, payload) -> {
            long now = simulation.nowNanos();
            Check.that(now >= lastTime[0], "clock went back", now, lastTime[0]);
            Check.that(now == payload, "dispatched off its due time", now, payload);
            lastTime[0] = now;
            int children = delays.nextInt(3);
            for (int c = 0; c < children && simulation.pendingCount() < 200; c++) {
                long due = now + delays.nextLong(4);
                simulation.schedule(due, kind[0], delays.nextInt(50), due);
            }
        });
        for (int i = 0; i < 50; i++) {
            long due = delays.nextLong(10);
            simulation.schedule(due, kind[0], i, due);
        }
        simulation.setEventCountMax(5_000);
        StopReason reason = simulation.runUntilQuiescent();
        assertTrue(reason == StopReason.EVENT_LIMIT || reason == StopReason.QUEUE_EMPTY,
                reason.name());
    }

    private static void assertSeededPermutations(LongFunction<SameTimeOrder> strategy) {
        List<IntArrayList> orders = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            IntArrayList order = sameTimeDispatchOrder(seed, strategy.apply(seed));
            assertEquals(order, sameTimeDispatchOrder(seed, strategy.apply(seed)), "seed " + seed);
            orders.add(order);
        }
        for (int i = 0; i < orders.size(); i++) {
            IntArrayList order = orders.get(i);
            assertEquals(SAME_TIME_COUNT, order.size());
            assertEquals(SAME_TIME_COUNT, new IntOpenHashSet(order).size(), "a permutation");
            assertNotEquals(fifoOrder(), order, "40 events left in scheduling order");
            for (int j = 0; j < i; j++) {
                assertNotEquals(orders.get(j), order, "seeds " + (j + 1) + " and " + (i + 1));
            }
        }
    }

    /** Dispatch order of entities 0..39, all due at t=10; one later event must run after them. */
    private static IntArrayList sameTimeDispatchOrder(long seed, SameTimeOrder order) {
        Simulation simulation = new Simulation(seed, order, 16);
        IntArrayList dispatched = new IntArrayList();
        int kind = simulation.registerKind("tick", (entity, payload) -> dispatched.add(entity));
        simulation.schedule(11, kind, -1, 0);
        for (int entity = 0; entity < SAME_TIME_COUNT; entity++) {
            simulation.schedule(10, kind, entity, 0);
        }
        assertEquals(StopReason.QUEUE_EMPTY, simulation.runUntilQuiescent());
        assertEquals(-1, dispatched.popInt(), "the later event runs last");
        return dispatched;
    }

    private static IntArrayList fifoOrder() {
        IntArrayList order = new IntArrayList();
        for (int entity = 0; entity < SAME_TIME_COUNT; entity++) {
            order.add(entity);
        }
        return order;
    }
}

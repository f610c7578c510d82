package io.schedsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.RandomOrder;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.event.StopReason;
import io.schedsim.core.random.SimRandom;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

/** Run twice, compare hash chains, and name the first event that differs. */
class DeterminismTest {
    private static final int ENTITY_COUNT = 20;
    private static final long EVENT_COUNT_MAX = 2_000;
    private static final long NO_PERTURBATION = -1;

    @Test
    void sameSeedSameTraceHash() {
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(run(seed, null, NO_PERTURBATION), run(seed, null, NO_PERTURBATION),
                    "seed " + seed);
        }
    }

    @Test
    void differentSeedsDifferentTraceHashes() {
        LongArrayList hashes = new LongArrayList();
        for (long seed = 1; seed <= 20; seed++) {
            long hash = run(seed, null, NO_PERTURBATION);
            assertFalse(hashes.contains(hash), "seed " + seed + " repeats a hash");
            hashes.add(hash);
        }
    }

    @Test
    void identicalRunsAreReportedDeterministic() {
        DeterminismCheck.Result result =
                DeterminismCheck.compare(sink -> run(7, sink, NO_PERTURBATION));
        assertTrue(result.deterministic());
        assertNull(result.divergence());
        assertEquals(result.hashFirst(), result.hashSecond());
        assertEquals(EVENT_COUNT_MAX, result.eventsFirst());
        assertEquals(EVENT_COUNT_MAX, result.eventsSecond());
    }

    @Test
    void perturbedSecondRunIsCaughtAtItsFirstDivergentEvent() {
        final long perturbedIndex = 700;
        int[] runCount = {0};
        DeterminismCheck.Result result = DeterminismCheck.compare(sink -> {
            runCount[0]++;
            return run(7, sink, runCount[0] == 2 ? perturbedIndex : NO_PERTURBATION);
        });
        assertFalse(result.deterministic());
        assertNotEquals(result.hashFirst(), result.hashSecond());
        Divergence divergence = result.divergence();
        assertNotNull(divergence);
        // The perturbed handler schedules an extra event "now": nothing before it can differ,
        // and it is the first event of run 2 that run 1 does not have.
        assertTrue(divergence.eventIndex() > perturbedIndex, divergence.toString());
        assertEquals("extra", divergence.second().kind(), divergence.toString());
        assertEquals("ping", divergence.first().kind(), divergence.toString());
        assertEquals(divergence.eventIndex(), divergence.second().eventIndex());
        assertTrue(divergence.toString().startsWith(
                "first divergent event #" + divergence.eventIndex()), divergence.toString());
    }

    @Test
    void runThatEndsEarlyDivergesWhereItEnded() {
        int[] runCount = {0};
        DeterminismCheck.Result result = DeterminismCheck.compare(sink -> {
            runCount[0]++;
            return runWithBudget(runCount[0] == 2 ? 1_500 : EVENT_COUNT_MAX, sink);
        });
        assertFalse(result.deterministic());
        assertEquals(1_500, result.divergence().eventIndex());
        assertNotNull(result.divergence().first());
        assertNull(result.divergence().second());
        assertTrue(result.divergence().toString().contains("(ended)"));
    }

    @Test
    void traceHashFormatIsPinned() {
        // Replay files store trace hashes: a change to the fold, the kind-name hash, SimRandom or
        // the loop's dispatch order changes this value and must be deliberate.
        assertEquals("f14e73d9de7929ed", TraceHash.hex(run(42, null, NO_PERTURBATION)));
    }

    private static long run(long seed, TraceSink sink, long perturbedIndex) {
        return run(seed, sink, perturbedIndex, EVENT_COUNT_MAX);
    }

    private static long runWithBudget(long eventCountMax, TraceSink sink) {
        return run(7, sink, NO_PERTURBATION, eventCountMax);
    }

    /**
     * Entities ping each other at random delays; same-time events run in a seeded random order.
     * At {@code perturbedIndex} the handler does one extra thing, as a nondeterministic model
     * would.
     */
    private static long run(long seed, TraceSink sink, long perturbedIndex, long eventCountMax) {
        Simulation simulation = new Simulation(seed,
                new RandomOrder(SimRandom.stream(seed, "same-time-order")), 64);
        simulation.setTraceSink(sink);
        SimRandom delays = simulation.random("delays");
        int extra = simulation.registerKind("extra", (entity, payload) -> {});
        int[] ping = new int[1];
        ping[0] = simulation.registerKind("ping", (entity, payload) -> {
            if (simulation.eventCount() - 1 == perturbedIndex) {
                simulation.scheduleAfter(0, extra, entity, payload);
            }
            int target = delays.nextInt(ENTITY_COUNT);
            simulation.scheduleAfter(delays.nextLong(1_000), ping[0], target, payload + 1);
        });
        for (int entity = 0; entity < ENTITY_COUNT; entity++) {
            simulation.schedule(delays.nextLong(100), ping[0], entity, 0);
        }
        simulation.setEventCountMax(eventCountMax);
        assertEquals(StopReason.EVENT_LIMIT, simulation.runUntilQuiescent());
        return simulation.traceHash();
    }
}

package io.schedsim.core.event;

import io.schedsim.core.random.SimRandom;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * PCT-style ordering (Burckhardt et al., "A Randomized Scheduler with Probabilistic Guarantees of
 * Finding Bugs", ASPLOS 2010) applied to same-time events: every entity gets a random priority, a
 * higher priority runs first among events due at the same instant, and at {@code changePoints}
 * dispatch indices drawn uniformly from {@code [0, expectedEvents)} the priority of the entity
 * just dispatched drops below all others. Priorities come from a hash of the stream seed and the
 * entity, so no table of all entities is needed.
 */
public final class PctOrder implements SameTimeOrder {
    private final long prioritySeed;
    private final int changePoints;
    // Sorted; dispatch indices only grow, so a cursor finds the next change point in O(1).
    private final long[] changeIndices;
    private int nextChange;
    private final Int2IntOpenHashMap loweredPriority = new Int2IntOpenHashMap();
    private int nextLowPriority = -1;

    public PctOrder(SimRandom random, int changePoints, long expectedEvents) {
        this.prioritySeed = random.nextLong();
        this.changePoints = changePoints;
        long horizon = Math.max(1, expectedEvents);
        changeIndices = new long[Math.max(0, changePoints)];
        for (int i = 0; i < changeIndices.length; i++) {
            changeIndices[i] = random.nextLong(horizon);
        }
        Arrays.sort(changeIndices);
        loweredPriority.defaultReturnValue(Integer.MIN_VALUE);
    }

    private int priorityOf(int entity) {
        if (!loweredPriority.isEmpty()) {
            int lowered = loweredPriority.get(entity);
            if (lowered != Integer.MIN_VALUE) {
                return lowered;
            }
        }
        // Non-negative, so every lowered (negative) priority sorts below every initial one.
        return (int) (SimRandom.mix64(prioritySeed ^ entity) >>> 34);
    }

    @Override
    public long tieKey(long sequence, int kind, int entity) {
        // Priorities lie in [-changePoints, 2^30): the inverted key stays positive after the shift.
        long inverted = 0x3FFF_FFFFL - priorityOf(entity);
        return (inverted << 32) | (sequence & 0xFFFF_FFFFL);
    }

    @Override
    public void onDispatch(long eventIndex, int kind, int entity) {
        while (nextChange < changeIndices.length && changeIndices[nextChange] < eventIndex) {
            nextChange++;
        }
        if (nextChange < changeIndices.length && changeIndices[nextChange] == eventIndex) {
            loweredPriority.put(entity, nextLowPriority--);
            // Equal draws name one change point, as they did when the indices were a set.
            while (nextChange < changeIndices.length && changeIndices[nextChange] == eventIndex) {
                nextChange++;
            }
        }
    }

    @Override
    public boolean observesDispatch() {
        return changePoints > 0;
    }

    @Override
    public String describe() {
        return "pct(d=" + changePoints + ")";
    }
}

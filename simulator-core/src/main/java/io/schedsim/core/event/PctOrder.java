package io.schedsim.core.event;

import io.schedsim.core.random.SimRandom;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

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
    private final LongOpenHashSet changeIndices = new LongOpenHashSet();
    private final Int2IntOpenHashMap loweredPriority = new Int2IntOpenHashMap();
    private int nextLowPriority = -1;

    public PctOrder(SimRandom random, int changePoints, long expectedEvents) {
        this.prioritySeed = random.nextLong();
        this.changePoints = changePoints;
        long horizon = Math.max(1, expectedEvents);
        for (int i = 0; i < changePoints; i++) {
            changeIndices.add(random.nextLong(horizon));
        }
        loweredPriority.defaultReturnValue(Integer.MIN_VALUE);
    }

    private int priorityOf(int entity) {
        int lowered = loweredPriority.get(entity);
        if (lowered != Integer.MIN_VALUE) {
            return lowered;
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
        if (changeIndices.contains(eventIndex)) {
            loweredPriority.put(entity, nextLowPriority--);
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

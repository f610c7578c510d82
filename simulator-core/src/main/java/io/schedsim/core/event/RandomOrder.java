package io.schedsim.core.event;

import io.schedsim.core.random.SimRandom;

/** Same-time events run in a uniformly random order drawn from a seeded stream. */
public final class RandomOrder implements SameTimeOrder {
    private final SimRandom random;

    public RandomOrder(SimRandom random) {
        this.random = random;
    }

    @Override
    public long tieKey(long sequence, int kind, int entity) {
        // 40 random high bits permute; the low 24 bits of the sequence keep keys distinct.
        return (random.nextLong() & 0xFFFF_FFFF_FF00_0000L) | (sequence & 0xFF_FFFFL);
    }

    @Override
    public String describe() {
        return "random(seed=" + random.identitySeed() + ")";
    }
}

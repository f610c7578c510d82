package io.schedsim.core.event;

/**
 * The sizes of the event queue's tiers: fine buckets of {@code 2^shift} ns, {@code 2^fineLog2}
 * fine buckets per coarse bucket, and {@code coarseCount} coarse buckets.
 */
record TierShape(int shift, int fineLog2, int coarseCount) {
    private static final int SHIFT_INITIAL = 16;
    private static final int FINE_LOG2_MIN = 6;
    // 2^11 fine buckets of 4 entries of 32 bytes: a 256 KB ring that stays in a 1 MB L2 cache.
    private static final int FINE_LOG2_MAX = 11;
    private static final int COARSE_COUNT_MIN = 64;

    /** The shape before any dispatch has been observed. */
    static TierShape initial(int pendingCount) {
        int fineLog2 = fineLog2For(pendingCount);
        return new TierShape(SHIFT_INITIAL, fineLog2, coarseCountFor(pendingCount, fineLog2));
    }

    /**
     * Fine buckets about twice the mean gap between recent dispatches wide (so each holds about
     * two events); rings sized to the pending count.
     */
    static TierShape tuned(int pendingCount, long dispatches, long spanNanos) {
        long widthNanos = Math.max(1, Math.max(0, spanNanos) / Math.max(1, dispatches) * 2);
        int shift = 63 - Long.numberOfLeadingZeros(widthNanos);
        int fineLog2 = fineLog2For(pendingCount);
        return new TierShape(shift, fineLog2, coarseCountFor(pendingCount, fineLog2));
    }

    /**
     * True if this shape is within a factor of two of {@code other} in width and coarse count
     * and equal in fine count, so that a steady load settles instead of rebuilding.
     */
    boolean isCloseTo(TierShape other) {
        return Math.abs(shift - other.shift) < 2 && fineLog2 == other.fineLog2
                && coarseCount >= other.coarseCount / 2 && coarseCount <= 4 * other.coarseCount;
    }

    /** About half as many fine buckets as pending events, within the L2 bound. */
    private static int fineLog2For(int pendingCount) {
        int log2 = 31 - Integer.numberOfLeadingZeros(Math.max(1, pendingCount));
        return Math.max(FINE_LOG2_MIN, Math.min(FINE_LOG2_MAX, log2 - 1));
    }

    /** Enough coarse buckets to span about four times the pending events at two per fine bucket. */
    private static int coarseCountFor(int pendingCount, int fineLog2) {
        int spanned = Integer.highestOneBit(Math.max(1, pendingCount >> fineLog2)) << 2;
        return Math.max(COARSE_COUNT_MIN, spanned);
    }
}

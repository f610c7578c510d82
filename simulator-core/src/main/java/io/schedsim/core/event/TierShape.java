package io.schedsim.core.event;

/**
 * The sizes of the event queue's tiers: windows of {@code 2^windowShift} ns, and
 * {@code coarseCount} coarse buckets (the current window's and the ones after it).
 */
record TierShape(int windowShift, int coarseCount) {
    private static final int WINDOW_SHIFT_INITIAL = 16;
    // A window's sort touches its entries (40 bytes each) and two arrays of 8-byte keys: at 4096
    // events about 220 KB, well inside a 1 MB L2 cache. Below 64 the per-window work dominates.
    private static final int EVENTS_PER_WINDOW_MIN = 64;
    private static final int EVENTS_PER_WINDOW_MAX = 4096;
    private static final int PENDING_PER_WINDOW_TARGET = 16;
    // The ring spans this many times the windows the pending events fill at the target density,
    // so that in a steady state few events wait in the far heap.
    private static final int RING_SPAN_FACTOR = 8;
    private static final int COARSE_COUNT_MIN = 64;
    private static final int COARSE_COUNT_MAX = 1 << 20;

    /** The shape before any dispatch has been observed. */
    static TierShape initial(int pendingCount) {
        return new TierShape(WINDOW_SHIFT_INITIAL, coarseCountFor(pendingCount));
    }

    /**
     * Windows wide enough to hold about {@link #eventsPerWindow} of the recent dispatches (between
     * half and all of it, as widths are powers of two); a ring sized to the pending count.
     */
    static TierShape tuned(int pendingCount, long dispatches, long spanNanos) {
        // In double, so that sub-nanosecond gaps count. Java's double arithmetic is the same IEEE
        // arithmetic on every JDK, and only speed depends on the shape anyway.
        double widthNanos = Math.max(1.0,
                (double) Math.max(0, spanNanos) * eventsPerWindow(pendingCount)
                        / Math.max(1, dispatches));
        int windowShift = Math.min(62, Math.getExponent(widthNanos));
        return new TierShape(windowShift, coarseCountFor(pendingCount));
    }

    /**
     * True if this shape is within a factor of two of {@code other} in width and ring size (four
     * for a larger ring), so that a steady load settles instead of rebuilding.
     */
    boolean isCloseTo(TierShape other) {
        return Math.abs(windowShift - other.windowShift) < 2
                && coarseCount >= other.coarseCount / 2 && coarseCount <= 4 * other.coarseCount;
    }

    private static int eventsPerWindow(int pendingCount) {
        return Math.max(EVENTS_PER_WINDOW_MIN,
                Math.min(EVENTS_PER_WINDOW_MAX, pendingCount / PENDING_PER_WINDOW_TARGET));
    }

    private static int coarseCountFor(int pendingCount) {
        long windows = (long) RING_SPAN_FACTOR * pendingCount / eventsPerWindow(pendingCount);
        long count = Long.highestOneBit(Math.max(1, windows - 1)) << 1;
        return (int) Math.max(COARSE_COUNT_MIN, Math.min(COARSE_COUNT_MAX, count));
    }
}

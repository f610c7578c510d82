package io.schedsim.core.event;

import java.util.Arrays;

/**
 * The per-event records behind handles: a slot's generation and due time, and a bitmap of the
 * slots in use. A handle packs the slot's generation into the high 32 bits and the slot into the
 * low 32 (as Agrona's timer wheel packs its ids). Generations are odd when handed out and become
 * even when the event is cancelled, so generation 0 never names an event; a slot is in use from
 * scheduling until its event fires or its tombstone leaves the queue. So an event is pending iff
 * its slot is in use and still has the handle's generation: a stale handle is recognised in O(1).
 *
 * <p>Slots are handed out by a cursor that sweeps the bitmap for the next free one, so
 * consecutive events get neighbouring records and scheduling writes memory in order, and firing
 * an event only clears a bit in a bitmap small enough to stay in cache. (Handing out the slot
 * freed last would write a record last touched when its event was scheduled: a cache miss on
 * every dispatch once the records outgrow the cache.) At most three quarters of the slots are in
 * use, so the sweep finds a free one within a word or two.
 */
final class EventSlots {
    private static final int STRIDE = 2;
    private static final int TIME_OFFSET = 1;
    private static final int WORD_BITS_LOG2 = 6;
    private static final int CAPACITY_MIN = 64;

    private long[] records;
    private long[] inUse;
    private int capacity;
    private int inUseCountMax;
    private int inUseCount;
    private int cursor;

    EventSlots(int initialCapacity) {
        capacity = Math.max(CAPACITY_MIN, (initialCapacity + 63) & ~63);
        records = new long[STRIDE * capacity];
        inUse = new long[capacity >>> WORD_BITS_LOG2];
        inUseCountMax = capacity - (capacity >>> 2);
    }

    /** Takes a free slot for a new pending event and returns its handle. */
    long allocate(long timeNanos) {
        if (inUseCount >= inUseCountMax) {
            grow();
        }
        int slot = takeFreeSlot();
        inUseCount++;
        cursor = slot + 1 == capacity ? 0 : slot + 1;
        int record = slot * STRIDE;
        long generation = (records[record] + 1) | 1;
        records[record] = generation;
        records[record + TIME_OFFSET] = timeNanos;
        return (generation << 32) | slot;
    }

    /**
     * Frees the slot of an event whose entry has left the queue: it fired, or it was cancelled
     * and its tombstone was dropped.
     */
    void release(long handle) {
        int slot = (int) handle;
        inUse[slot >>> WORD_BITS_LOG2] &= ~(1L << slot);
        inUseCount--;
    }

    /** Ends a pending event's life; its slot stays in use until its tombstone is released. */
    void markCancelled(long handle) {
        records[(int) handle * STRIDE]++;
    }

    boolean isPending(long handle) {
        int slot = (int) handle;
        long generation = handle >>> 32;
        if (slot < 0 || slot >= capacity || (generation & 1) == 0
                || (inUse[slot >>> WORD_BITS_LOG2] & (1L << slot)) == 0) {
            return false;
        }
        return records[slot * STRIDE] == generation;
    }

    /** True if the entry carrying {@code handle} belongs to a cancelled event. */
    boolean isTombstone(long handle) {
        return handle != EventQueue.NO_HANDLE && records[(int) handle * STRIDE] != handle >>> 32;
    }

    long timeOf(long handle) {
        return records[(int) handle * STRIDE + TIME_OFFSET];
    }

    /**
     * Marks the first free slot at or after the cursor (wrapping around; one exists, see grow) in
     * use and returns it.
     */
    private int takeFreeSlot() {
        int word = cursor >>> WORD_BITS_LOG2;
        long bits = inUse[word];
        long free = ~bits & (-1L << cursor);
        while (free == 0) {
            word = word + 1 == inUse.length ? 0 : word + 1;
            bits = inUse[word];
            free = ~bits;
        }
        long lowest = free & -free;
        inUse[word] = bits | lowest;
        return (word << WORD_BITS_LOG2) | Long.numberOfTrailingZeros(lowest);
    }

    private void grow() {
        capacity *= 2;
        inUseCountMax = capacity - (capacity >>> 2);
        records = Arrays.copyOf(records, STRIDE * capacity);
        inUse = Arrays.copyOf(inUse, capacity >>> WORD_BITS_LOG2);
    }
}

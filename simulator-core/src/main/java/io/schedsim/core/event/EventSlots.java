package io.schedsim.core.event;

import java.util.Arrays;

/**
 * The per-event records behind handles: a slot's generation, due time and tie key, with a free
 * list. A handle packs the slot's generation into the high 32 bits and the slot into the low 32
 * (as Agrona's timer wheel packs its ids). A generation is odd while its event is pending and even
 * once it fired or was cancelled, so a stale handle is recognised in O(1) and generation 0 never
 * names an event. One cache line holds two records, so dispatching an event and scheduling the
 * next one through the freed slot touch a single line.
 */
final class EventSlots {
    static final int STRIDE = 4;
    static final int TIE_OFFSET = 2;
    private static final int TIME_OFFSET = 1;

    private long[] records;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    EventSlots(int initialCapacity) {
        records = new long[STRIDE * initialCapacity];
        freeSlots = new int[initialCapacity];
    }

    /** The record array, for tie-key lookups: the key of slot s is at {@code STRIDE * s + TIE_OFFSET}. */
    long[] records() {
        return records;
    }

    /** Takes a free slot for a new pending event and returns its handle. */
    long allocate(long timeNanos, long tieKey) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == freeSlots.length) {
                grow();
            }
            slot = slotsUsed++;
        }
        int record = slot * STRIDE;
        long generation = records[record] + 1;
        records[record] = generation;
        records[record + TIME_OFFSET] = timeNanos;
        records[record + TIE_OFFSET] = tieKey;
        return (generation << 32) | slot;
    }

    /** Ends a dispatched event's life and frees its slot. */
    void releaseFired(long handle) {
        int slot = (int) handle;
        // A store of the known generation, not an increment: no load of a cold line.
        records[slot * STRIDE] = (handle >>> 32) + 1;
        freeSlots[freeCount++] = slot;
    }

    /** Ends a pending event's life; its slot stays taken until its tombstone is released. */
    void markCancelled(long handle) {
        records[(int) handle * STRIDE]++;
    }

    /** Frees the slot of a cancelled event whose entry has left the queue. */
    void releaseTombstone(long handle) {
        freeSlots[freeCount++] = (int) handle;
    }

    boolean isPending(long handle) {
        int slot = (int) handle;
        long generation = handle >>> 32;
        if (slot < 0 || slot >= slotsUsed || (generation & 1) == 0) {
            return false;
        }
        return records[slot * STRIDE] == generation;
    }

    /** True if the entry carrying {@code handle} belongs to a cancelled event. */
    boolean isTombstone(long handle) {
        return records[(int) handle * STRIDE] != handle >>> 32;
    }

    long timeOf(long handle) {
        return records[(int) handle * STRIDE + TIME_OFFSET];
    }

    long tieOf(long handle) {
        return records[(int) handle * STRIDE + TIE_OFFSET];
    }

    private void grow() {
        int capacity = freeSlots.length * 2;
        records = Arrays.copyOf(records, STRIDE * capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}

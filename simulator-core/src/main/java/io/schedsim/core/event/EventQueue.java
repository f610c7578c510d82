package io.schedsim.core.event;

import java.util.Arrays;

/**
 * Pending events in a 4-ary min-heap ordered by (time, tie key), kept in primitive arrays so that
 * scheduling and dispatching allocate nothing once the arrays have grown.
 *
 * <p>Each event lives in a slot; a handle packs the slot's generation into the high 32 bits and the
 * slot into the low 32 (as Agrona's timer wheel packs its ids). A slot's generation is odd while
 * its event is pending and even once it fired or was cancelled, so a stale handle is recognised in
 * O(1) and {@link #NO_HANDLE} (generation 0) never names an event. Cancelling is lazy: the event's
 * heap entry stays behind as a tombstone that is dropped when it reaches the top, and the heap is
 * rebuilt without tombstones once they outnumber pending events, so memory stays proportional to
 * the pending count. The earliest heap entry is never a tombstone. Not thread-safe.
 */
public final class EventQueue {
    /** A handle that never names an event. */
    public static final long NO_HANDLE = 0L;

    // Slot record: due time, tie key, payload, and kind (high 32 bits) with entity (low 32 bits).
    private static final int SLOT_STRIDE = 4;
    private static final int TOMBSTONES_BEFORE_REBUILD_MIN = 64;

    // Times and handles in separate columns: comparisons read only heapTime, so at 100k pending
    // the column they walk (800 KB) stays in a 1 MB L2 cache, and they read no slot record.
    private long[] heapTime;
    private long[] heapHandle;
    private int size;
    private int tombstoneCount;

    private long[] slotRecord;
    private int[] slotGeneration;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heapTime = new long[capacity];
        heapHandle = new long[capacity];
        slotRecord = new long[SLOT_STRIDE * capacity];
        slotGeneration = new int[capacity];
        freeSlots = new int[capacity];
    }

    /** Number of pending events (cancelled ones excluded). */
    public int size() {
        return size - tombstoneCount;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event; undefined when empty. */
    public long minTime() {
        return heapTime[0];
    }

    /** Adds an event and returns its handle. */
    public long push(long timeNanos, long tieKey, int kind, int entity, long payload) {
        int slot = allocateSlot();
        int record = slot * SLOT_STRIDE;
        slotRecord[record] = timeNanos;
        slotRecord[record + 1] = tieKey;
        slotRecord[record + 2] = payload;
        slotRecord[record + 3] = ((long) kind << 32) | (entity & 0xFFFF_FFFFL);
        if (size == heapTime.length) {
            heapTime = Arrays.copyOf(heapTime, 2 * size);
            heapHandle = Arrays.copyOf(heapHandle, 2 * size);
        }
        long handle = ((long) slotGeneration[slot] << 32) | slot;
        siftUp(size++, timeNanos, handle);
        return handle;
    }

    /**
     * Removes the earliest event and returns its slot. The slot's kind, entity and payload stay
     * readable through the accessors until the next {@link #push}.
     */
    public int popMin() {
        long handle = heapHandle[0];
        int slot = (int) handle;
        removeTop();
        // A store of the known generation, not an increment: no load of a cold line.
        slotGeneration[slot] = (int) (handle >>> 32) + 1;
        freeSlots[freeCount++] = slot;
        if (tombstoneCount > 0) {
            dropTopTombstones();
        }
        return slot;
    }

    /** Cancels a pending event; false (and no change) if the handle is stale or unknown. */
    public boolean cancel(long handle) {
        if (!isPending(handle)) {
            return false;
        }
        slotGeneration[(int) handle]++;
        tombstoneCount++;
        dropTopTombstones();
        if (tombstoneCount >= TOMBSTONES_BEFORE_REBUILD_MIN && 2 * tombstoneCount > size) {
            rebuildWithoutTombstones();
        }
        return true;
    }

    /** True while the event named by {@code handle} is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        int generation = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotsUsed || (generation & 1) == 0) {
            return false;
        }
        return slotGeneration[slot] == generation;
    }

    /** Scheduled time of a pending event, or {@code Long.MIN_VALUE} if it is not pending. */
    public long timeOf(long handle) {
        return isPending(handle) ? slotRecord[(int) handle * SLOT_STRIDE] : Long.MIN_VALUE;
    }

    public int kindOf(int slot) {
        return (int) (slotRecord[slot * SLOT_STRIDE + 3] >> 32);
    }

    public int entityOf(int slot) {
        return (int) slotRecord[slot * SLOT_STRIDE + 3];
    }

    public long payloadOf(int slot) {
        return slotRecord[slot * SLOT_STRIDE + 2];
    }

    /** Removes the root entry: the last entry takes its place and sinks. */
    private void removeTop() {
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapHandle[last]);
        }
    }

    /** The earliest of positions {@code [first, end)}. */
    private int earliestOf(int first, int end) {
        final long[] heapTime = this.heapTime;
        int best = first;
        long bestTime = heapTime[first];
        for (int position = first + 1; position < end; position++) {
            long time = heapTime[position];
            if (time < bestTime
                    || (time == bestTime && tieAt(position) < tieAt(best))) {
                best = position;
                bestTime = time;
            }
        }
        return best;
    }

    private long tieAt(int position) {
        return tieOf(heapHandle[position]);
    }

    private long tieOf(long handle) {
        return slotRecord[(int) handle * SLOT_STRIDE + 1];
    }

    /** Moves an entry up from {@code position}; reads tie keys only where times are equal. */
    private void siftUp(int position, long time, long handle) {
        final long[] heapTime = this.heapTime;
        final long[] heapHandle = this.heapHandle;
        while (position > 0) {
            int parent = (position - 1) >>> 2;
            long parentTime = heapTime[parent];
            if (time > parentTime || (time == parentTime && tieOf(handle) >= tieAt(parent))) {
                break;
            }
            heapTime[position] = parentTime;
            heapHandle[position] = heapHandle[parent];
            position = parent;
        }
        heapTime[position] = time;
        heapHandle[position] = handle;
    }

    /**
     * Moves an entry down from {@code position}. In the hold model at 100k pending this plain form
     * beat Floyd's bottom-up variant and a branch-free choice of child, probably because the bottom
     * levels miss the cache (stopping early skips them) and a predicted branch lets the CPU load
     * the next level before the comparison resolves.
     */
    private void siftDown(int position, long time, long handle) {
        final long[] heapTime = this.heapTime;
        final long[] heapHandle = this.heapHandle;
        while (true) {
            int first = (position << 2) + 1;
            if (first >= size) {
                break;
            }
            int child = earliestOf(first, Math.min(first + 4, size));
            long childTime = heapTime[child];
            if (time < childTime || (time == childTime && tieOf(handle) <= tieAt(child))) {
                break;
            }
            heapTime[position] = childTime;
            heapHandle[position] = heapHandle[child];
            position = child;
        }
        heapTime[position] = time;
        heapHandle[position] = handle;
    }

    private boolean isTombstone(long handle) {
        return slotGeneration[(int) handle] != (int) (handle >>> 32);
    }

    private void dropTopTombstones() {
        while (size > 0 && isTombstone(heapHandle[0])) {
            int slot = (int) heapHandle[0];
            removeTop();
            tombstoneCount--;
            freeSlots[freeCount++] = slot;
        }
    }

    /** Drops every tombstone, then restores heap order bottom-up in O(n) (Floyd's heapify). */
    private void rebuildWithoutTombstones() {
        int kept = 0;
        for (int position = 0; position < size; position++) {
            long handle = heapHandle[position];
            if (isTombstone(handle)) {
                freeSlots[freeCount++] = (int) handle;
            } else {
                heapTime[kept] = heapTime[position];
                heapHandle[kept++] = handle;
            }
        }
        size = kept;
        tombstoneCount = 0;
        int lastParent = size > 1 ? (size - 2) >>> 2 : -1;
        for (int position = lastParent; position >= 0; position--) {
            siftDown(position, heapTime[position], heapHandle[position]);
        }
    }

    private int allocateSlot() {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == slotGeneration.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        slotGeneration[slot]++;
        return slot;
    }

    private void growSlots() {
        int capacity = slotGeneration.length * 2;
        slotRecord = Arrays.copyOf(slotRecord, SLOT_STRIDE * capacity);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}

package io.schedsim.core.event;

import java.util.Arrays;

/**
 * Pending events in a 4-ary min-heap ordered by (time, tie key), kept in parallel primitive arrays
 * so that scheduling and dispatching allocate nothing once the arrays have grown.
 *
 * <p>Each event lives in a slot; a handle packs the slot's generation into the high 32 bits and the
 * slot into the low 32 (as Agrona's timer wheel packs its ids), so cancelling is O(log n) and a
 * handle of an event that already fired or was cancelled is recognised as stale. {@link #NO_HANDLE}
 * is never a valid handle. Not thread-safe.
 */
public final class EventQueue {
    /** A handle that never names an event. */
    public static final long NO_HANDLE = 0L;

    private static final int ARITY_SHIFT = 2;

    private long[] heapTime;
    private long[] heapTie;
    private int[] heapSlot;
    private int size;

    private int[] slotPosition;
    private int[] slotGeneration;
    private int[] slotKind;
    private int[] slotEntity;
    private long[] slotPayload;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heapTime = new long[capacity];
        heapTie = new long[capacity];
        heapSlot = new int[capacity];
        slotPosition = new int[capacity];
        slotGeneration = new int[capacity];
        slotKind = new int[capacity];
        slotEntity = new int[capacity];
        slotPayload = new long[capacity];
        freeSlots = new int[capacity];
    }

    public int size() {
        return size;
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
        slotKind[slot] = kind;
        slotEntity[slot] = entity;
        slotPayload[slot] = payload;
        if (size == heapTime.length) {
            growHeap();
        }
        int position = size++;
        siftUp(position, timeNanos, tieKey, slot);
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    /**
     * Removes the earliest event and returns its slot. The slot's kind, entity and payload stay
     * readable through the accessors until the next {@link #push}.
     */
    public int popMin() {
        int slot = heapSlot[0];
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapTie[last], heapSlot[last]);
        }
        releaseSlot(slot);
        return slot;
    }

    /** Cancels a pending event; false (and no change) if the handle is stale or unknown. */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int generation = (int) (handle >>> 32);
        if (handle == NO_HANDLE || slot < 0 || slot >= slotsUsed) {
            return false;
        }
        if (slotGeneration[slot] != generation || slotPosition[slot] < 0) {
            return false;
        }
        removeAt(slotPosition[slot]);
        releaseSlot(slot);
        return true;
    }

    /** True while the event named by {@code handle} is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        if (handle == NO_HANDLE || slot < 0 || slot >= slotsUsed) {
            return false;
        }
        return slotGeneration[slot] == (int) (handle >>> 32) && slotPosition[slot] >= 0;
    }

    /** Scheduled time of a pending event, or {@code Long.MIN_VALUE} if it is not pending. */
    public long timeOf(long handle) {
        return isPending(handle) ? heapTime[slotPosition[(int) handle]] : Long.MIN_VALUE;
    }

    public int kindOf(int slot) {
        return slotKind[slot];
    }

    public int entityOf(int slot) {
        return slotEntity[slot];
    }

    public long payloadOf(int slot) {
        return slotPayload[slot];
    }

    private void removeAt(int position) {
        int last = --size;
        if (position == last) {
            return;
        }
        long time = heapTime[last];
        long tie = heapTie[last];
        int slot = heapSlot[last];
        if (position > 0) {
            int parent = (position - 1) >>> ARITY_SHIFT;
            if (before(time, tie, heapTime[parent], heapTie[parent])) {
                siftUp(position, time, tie, slot);
                return;
            }
        }
        siftDown(position, time, tie, slot);
    }

    private void siftUp(int position, long time, long tie, int slot) {
        while (position > 0) {
            int parent = (position - 1) >>> ARITY_SHIFT;
            long parentTime = heapTime[parent];
            if (time > parentTime || (time == parentTime && tie >= heapTie[parent])) {
                break;
            }
            place(position, parentTime, heapTie[parent], heapSlot[parent]);
            position = parent;
        }
        place(position, time, tie, slot);
    }

    private void siftDown(int position, long time, long tie, int slot) {
        final int n = size;
        while (true) {
            int first = (position << ARITY_SHIFT) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = heapTime[first];
            long bestTie = heapTie[first];
            int end = Math.min(first + 4, n);
            for (int child = first + 1; child < end; child++) {
                long childTime = heapTime[child];
                if (childTime < bestTime || (childTime == bestTime && heapTie[child] < bestTie)) {
                    best = child;
                    bestTime = childTime;
                    bestTie = heapTie[child];
                }
            }
            if (time < bestTime || (time == bestTime && tie <= bestTie)) {
                break;
            }
            place(position, bestTime, bestTie, heapSlot[best]);
            position = best;
        }
        place(position, time, tie, slot);
    }

    private void place(int position, long time, long tie, int slot) {
        heapTime[position] = time;
        heapTie[position] = tie;
        heapSlot[position] = slot;
        slotPosition[slot] = position;
    }

    private static boolean before(long timeA, long tieA, long timeB, long tieB) {
        return timeA < timeB || (timeA == timeB && tieA < tieB);
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotPosition.length) {
            growSlots();
        }
        int slot = slotsUsed++;
        slotGeneration[slot] = 1;
        return slot;
    }

    private void releaseSlot(int slot) {
        slotPosition[slot] = -1;
        int next = slotGeneration[slot] + 1;
        slotGeneration[slot] = next == 0 ? 1 : next;
        freeSlots[freeCount++] = slot;
    }

    private void growHeap() {
        int capacity = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapTie = Arrays.copyOf(heapTie, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void growSlots() {
        int capacity = slotPosition.length * 2;
        slotPosition = Arrays.copyOf(slotPosition, capacity);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        slotKind = Arrays.copyOf(slotKind, capacity);
        slotEntity = Arrays.copyOf(slotEntity, capacity);
        slotPayload = Arrays.copyOf(slotPayload, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}

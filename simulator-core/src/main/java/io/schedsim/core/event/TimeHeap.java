package io.schedsim.core.event;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, tie key), in primitive columns: time, handle, and
 * the event's payload and packed kind/entity, so that the event at the top is read without
 * touching its slot. Tie keys live in the event queue's slot records and are read only when times
 * are equal, so comparisons walk the time column alone. Knows nothing of cancellation: the queue
 * skips entries whose slot is no longer pending when they surface.
 */
final class TimeHeap {
    // Stride and offset of the tie key in the queue's slot records.
    private static final int SLOT_STRIDE = EventSlots.STRIDE;
    private static final int TIE_OFFSET = EventSlots.TIE_OFFSET;

    private long[] times;
    private long[] handles;
    private long[] payloads;
    private long[] kindEntities;
    private int size;

    TimeHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        handles = new long[capacity];
        payloads = new long[capacity];
        kindEntities = new long[capacity];
    }

    int capacity() {
        return times.length;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long topTime() {
        return times[0];
    }

    long topHandle() {
        return handles[0];
    }

    long topPayload() {
        return payloads[0];
    }

    long topKindEntity() {
        return kindEntities[0];
    }

    /** Copies every entry as (time, handle, payload, kind/entity) to {@code dest} from {@code at}. */
    int copyEntriesTo(long[] dest, int at) {
        for (int position = 0; position < size; position++) {
            dest[at++] = times[position];
            dest[at++] = handles[position];
            dest[at++] = payloads[position];
            dest[at++] = kindEntities[position];
        }
        return at;
    }

    void clear() {
        size = 0;
    }

    void push(long time, long handle, long payload, long kindEntity, long[] records) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            handles = Arrays.copyOf(handles, 2 * size);
            payloads = Arrays.copyOf(payloads, 2 * size);
            kindEntities = Arrays.copyOf(kindEntities, 2 * size);
        }
        siftUp(size++, time, handle, payload, kindEntity, records);
    }

    /** Removes the top entry: the last entry takes its place and sinks. */
    void removeTop(long[] records) {
        int last = --size;
        if (last > 0) {
            siftDown(times[last], handles[last], payloads[last], kindEntities[last], records);
        }
    }

    private static long tieOf(long handle, long[] records) {
        return records[(int) handle * SLOT_STRIDE + TIE_OFFSET];
    }

    private void siftUp(int position, long time, long handle, long payload, long kindEntity,
            long[] records) {
        final long[] times = this.times;
        final long[] handles = this.handles;
        while (position > 0) {
            int parent = (position - 1) >>> 2;
            long parentTime = times[parent];
            if (time > parentTime
                    || (time == parentTime && tieOf(handle, records) >= tieOf(handles[parent], records))) {
                break;
            }
            move(parent, position);
            position = parent;
        }
        put(position, time, handle, payload, kindEntity);
    }

    /**
     * Moves an entry down. At 100k entries this plain form beat Floyd's bottom-up variant and a
     * branch-free choice of child, probably because stopping early skips the cache-missing bottom
     * levels and a predicted branch lets the CPU load the next level before the compare resolves.
     */
    private void siftDown(long time, long handle, long payload, long kindEntity, long[] records) {
        final long[] times = this.times;
        final long[] handles = this.handles;
        int position = 0;
        while (true) {
            int first = (position << 2) + 1;
            if (first >= size) {
                break;
            }
            int child = earliestOf(first, Math.min(first + 4, size), records);
            long childTime = times[child];
            if (time < childTime
                    || (time == childTime && tieOf(handle, records) <= tieOf(handles[child], records))) {
                break;
            }
            move(child, position);
            position = child;
        }
        put(position, time, handle, payload, kindEntity);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        handles[to] = handles[from];
        payloads[to] = payloads[from];
        kindEntities[to] = kindEntities[from];
    }

    private void put(int position, long time, long handle, long payload, long kindEntity) {
        times[position] = time;
        handles[position] = handle;
        payloads[position] = payload;
        kindEntities[position] = kindEntity;
    }

    /** The earliest of positions {@code [first, end)}. */
    private int earliestOf(int first, int end, long[] records) {
        final long[] times = this.times;
        int best = first;
        long bestTime = times[first];
        for (int position = first + 1; position < end; position++) {
            long time = times[position];
            if (time < bestTime || (time == bestTime
                    && tieOf(handles[position], records) < tieOf(handles[best], records))) {
                best = position;
                bestTime = time;
            }
        }
        return best;
    }
}

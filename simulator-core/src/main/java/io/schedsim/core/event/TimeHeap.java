package io.schedsim.core.event;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, tie key), in primitive columns: time, tie key,
 * handle, payload and packed kind/entity, so that comparisons walk the time column and the event
 * at the top is read without touching its slot. Knows nothing of cancellation: the queue skips
 * entries whose slot is no longer pending when they surface.
 */
final class TimeHeap {
    private long[] times;
    private long[] ties;
    private long[] handles;
    private long[] payloads;
    private long[] kindEntities;
    private int size;

    TimeHeap(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        ties = new long[capacity];
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

    long topTie() {
        return ties[0];
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

    /** Copies every entry as an {@link EventEntry} row to {@code dest} from {@code at}; returns the end. */
    int copyEntriesTo(long[] dest, int at) {
        for (int position = 0; position < size; position++) {
            EventEntry.write(dest, at, times[position], ties[position], handles[position],
                    payloads[position], kindEntities[position]);
            at += EventEntry.LONGS;
        }
        return at;
    }

    void clear() {
        size = 0;
    }

    void push(long time, long tie, long handle, long payload, long kindEntity) {
        if (size == times.length) {
            int capacity = 2 * size;
            times = Arrays.copyOf(times, capacity);
            ties = Arrays.copyOf(ties, capacity);
            handles = Arrays.copyOf(handles, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
            kindEntities = Arrays.copyOf(kindEntities, capacity);
        }
        siftUp(size++, time, tie, handle, payload, kindEntity);
    }

    /** Removes the top entry: the last entry takes its place and sinks. */
    void removeTop() {
        int last = --size;
        if (last > 0) {
            siftDown(times[last], ties[last], handles[last], payloads[last], kindEntities[last]);
        }
    }

    private void siftUp(int position, long time, long tie, long handle, long payload,
            long kindEntity) {
        final long[] times = this.times;
        while (position > 0) {
            int parent = (position - 1) >>> 2;
            long parentTime = times[parent];
            if (time > parentTime || (time == parentTime && tie >= ties[parent])) {
                break;
            }
            move(parent, position);
            position = parent;
        }
        put(position, time, tie, handle, payload, kindEntity);
    }

    /**
     * Moves an entry down. At 100k entries this plain form beat Floyd's bottom-up variant and a
     * branch-free choice of child, probably because stopping early skips the cache-missing bottom
     * levels and a predicted branch lets the CPU load the next level before the compare resolves.
     */
    private void siftDown(long time, long tie, long handle, long payload, long kindEntity) {
        final long[] times = this.times;
        int position = 0;
        while (true) {
            int first = (position << 2) + 1;
            if (first >= size) {
                break;
            }
            int child = earliestOf(first, Math.min(first + 4, size));
            long childTime = times[child];
            if (time < childTime || (time == childTime && tie <= ties[child])) {
                break;
            }
            move(child, position);
            position = child;
        }
        put(position, time, tie, handle, payload, kindEntity);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        ties[to] = ties[from];
        handles[to] = handles[from];
        payloads[to] = payloads[from];
        kindEntities[to] = kindEntities[from];
    }

    private void put(int position, long time, long tie, long handle, long payload,
            long kindEntity) {
        times[position] = time;
        ties[position] = tie;
        handles[position] = handle;
        payloads[position] = payload;
        kindEntities[position] = kindEntity;
    }

    /** The earliest of positions {@code [first, end)}. */
    private int earliestOf(int first, int end) {
        final long[] times = this.times;
        int best = first;
        long bestTime = times[first];
        for (int position = first + 1; position < end; position++) {
            long time = times[position];
            if (time < bestTime || (time == bestTime && ties[position] < ties[best])) {
                best = position;
                bestTime = time;
            }
        }
        return best;
    }
}

package io.schedsim.monitor.state;

import java.util.Arrays;

/**
 * An indexed binary min-heap of deadlines keyed by a small int (a node index): set, move or
 * remove a key's deadline in O(log n), peek the earliest in O(1). Guards keep their time-bound
 * obligations here (a TTL expiry, a detection bound), so the per-event cost of checking them is
 * one comparison with the earliest deadline.
 */
public final class DeadlineHeap {
    private int[] heap = new int[16];
    private int[] position = new int[16];
    private long[] due = new long[16];
    private int size;

    public DeadlineHeap() {
        Arrays.fill(position, -1);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The earliest deadline, or {@link Time#NEVER} when empty. */
    public long earliest() {
        return size == 0 ? Time.NEVER : due[heap[0]];
    }

    /** The key of the earliest deadline; call only when not empty. */
    public int earliestKey() {
        return heap[0];
    }

    public boolean contains(int key) {
        return key < position.length && position[key] >= 0;
    }

    /** The deadline of {@code key}; call only if {@link #contains}. */
    public long dueOf(int key) {
        return due[key];
    }

    /** Sets (or moves) the deadline of {@code key}. */
    public void set(int key, long dueNanos) {
        ensure(key);
        due[key] = dueNanos;
        int p = position[key];
        if (p < 0) {
            heap[size] = key;
            position[key] = size;
            up(size++);
        } else {
            up(p);
            down(position[key]);
        }
    }

    /** Removes {@code key}'s deadline, if any. */
    public void remove(int key) {
        if (!contains(key)) {
            return;
        }
        int p = position[key];
        int last = heap[--size];
        position[key] = -1;
        if (p < size) {
            heap[p] = last;
            position[last] = p;
            up(p);
            down(position[last]);
        }
    }

    private void up(int p) {
        int key = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (due[heap[parent]] <= due[key]) {
                break;
            }
            move(heap[parent], p);
            p = parent;
        }
        move(key, p);
    }

    private void down(int p) {
        int key = heap[p];
        while (true) {
            int child = 2 * p + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && due[heap[child + 1]] < due[heap[child]]) {
                child++;
            }
            if (due[heap[child]] >= due[key]) {
                break;
            }
            move(heap[child], p);
            p = child;
        }
        move(key, p);
    }

    private void move(int key, int p) {
        heap[p] = key;
        position[key] = p;
    }

    private void ensure(int key) {
        if (key < position.length) {
            return;
        }
        int n = Math.max(key + 1, position.length * 2);
        int old = position.length;
        heap = Arrays.copyOf(heap, n);
        position = Arrays.copyOf(position, n);
        Arrays.fill(position, old, n, -1);
        due = Arrays.copyOf(due, n);
    }
}

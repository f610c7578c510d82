package io.schedsim.model.task;

import io.schedsim.core.check.Check;
import java.util.Arrays;

/**
 * The task table: one row per outer task, two entries per row. Entry {@code 2t} is outer task
 * {@code t}, entry {@code 2t + 1} its current child (children are executions of the row, not rows
 * of their own, so a task's cost does not depend on its retries). Columns are presized from the
 * spec and never grow (about 100 bytes per task); per-node columns grow by doubling as nodes join.
 *
 * <p>Each entry leased, running or waiting on a node is linked into that node's list, in grant
 * order, so node loss and worker kills touch only that node's entries. {@code gen} is bumped at
 * every state change and travels in event payloads, so an event of an earlier state is dropped.
 */
final class TaskColumns {
    static final int NIL = -1;
    static final int UNLINKED = -2;

    static final byte NONE = 0;
    static final byte PENDING = 1;
    /** Leased: CPU reserved; the worker runs it from {@code startNanos} (after the lease latency). */
    static final byte RUNNING = 3;
    /** An outer attempt blocked in {@code get} on its child, its CPU released (§2.3). */
    static final byte WAITING = 4;
    static final byte RETRY_WAIT = 5;
    static final byte FINISHED = 6;
    /** Terminal: the task ended in error. */
    static final byte FAILED = 7;

    final int taskCount;
    final byte[] state;
    final boolean[] queued;
    final int[] gen;
    final int[] attempt;
    final int[] node;
    final int[] incarnation;
    final int[] retriesUsed;
    final int[] preempted;
    final long[] handle;
    final long[] startNanos;
    final long[] submitNanos;
    private final int[] prev;
    private final int[] next;

    private int[] listHead = new int[0];
    private int[] listTail = new int[0];
    long[] orphanCpuMilli = new long[0];

    TaskColumns(int taskCount) {
        this.taskCount = taskCount;
        int entries = taskCount * 2;
        state = new byte[entries];
        queued = new boolean[entries];
        gen = new int[entries];
        attempt = new int[entries];
        node = new int[entries];
        incarnation = new int[entries];
        retriesUsed = new int[entries];
        preempted = new int[entries];
        handle = new long[entries];
        startNanos = new long[entries];
        submitNanos = new long[taskCount];
        prev = new int[entries];
        next = new int[entries];
        Arrays.fill(node, NIL);
        Arrays.fill(prev, UNLINKED);
        Arrays.fill(next, UNLINKED);
    }

    static int outer(int task) {
        return task << 1;
    }

    static int child(int task) {
        return (task << 1) | 1;
    }

    static int taskOf(int entry) {
        return entry >>> 1;
    }

    static boolean isChild(int entry) {
        return (entry & 1) != 0;
    }

    /** Moves the entry to {@code newState} and invalidates events scheduled for the old one. */
    void transition(int entry, byte newState) {
        state[entry] = newState;
        gen[entry]++;
    }

    /** True while the entry holds a reservation (leased or running). */
    boolean holdsCpu(int entry) {
        return state[entry] == RUNNING;
    }

    void ensureNodes(int slot) {
        if (slot < listHead.length) {
            return;
        }
        int capacity = Math.max(16, listHead.length);
        while (capacity <= slot) {
            capacity *= 2;
        }
        int old = listHead.length;
        listHead = Arrays.copyOf(listHead, capacity);
        listTail = Arrays.copyOf(listTail, capacity);
        orphanCpuMilli = Arrays.copyOf(orphanCpuMilli, capacity);
        Arrays.fill(listHead, old, capacity, NIL);
        Arrays.fill(listTail, old, capacity, NIL);
    }

    int nodeCapacity() {
        return listHead.length;
    }

    int first(int slot) {
        return slot < listHead.length ? listHead[slot] : NIL;
    }

    int next(int entry) {
        return next[entry];
    }

    boolean linked(int entry) {
        return prev[entry] != UNLINKED;
    }

    /** Links the entry at the tail of node {@code slot}'s list and records the node. */
    void link(int entry, int slot) {
        Check.that(!linked(entry), "task entry linked twice", entry);
        ensureNodes(slot);
        node[entry] = slot;
        int tail = listTail[slot];
        prev[entry] = tail;
        next[entry] = NIL;
        if (tail == NIL) {
            listHead[slot] = entry;
        } else {
            next[tail] = entry;
        }
        listTail[slot] = entry;
    }

    /** Unlinks the entry from its node's list; no-op if not linked. */
    void unlink(int entry) {
        if (!linked(entry)) {
            return;
        }
        int slot = node[entry];
        int p = prev[entry];
        int n = next[entry];
        if (p == NIL) {
            listHead[slot] = n;
        } else {
            next[p] = n;
        }
        if (n == NIL) {
            listTail[slot] = p;
        } else {
            prev[n] = p;
        }
        prev[entry] = UNLINKED;
        next[entry] = UNLINKED;
    }
}

package io.schedsim.model.task;

import io.schedsim.core.check.Check;
import io.schedsim.core.event.Simulation;
import java.util.Arrays;

/**
 * The task table: one row per outer task, two entries per row. Entry {@code 2t} is outer task
 * {@code t}, entry {@code 2t + 1} its current child (children are executions of the row, not rows
 * of their own, so a task's cost does not depend on its retries). Storage is presized from the
 * spec and never grows: about 100 bytes per task. Per-node lists grow as nodes join.
 *
 * <p>An entry's int fields sit together in one 32-byte stretch of {@code rows} (state word,
 * generation, attempt, node, incarnation, retries used, list links), its two longs in 16 bytes of
 * {@code times}, so the handlers touch one or two cache lines per entry rather than one per field.
 * The state word packs the state (bits 0-7), the queued flag (bit 8) and the count of
 * preemption-caused failures (bits 9-31).
 *
 * <p>Each entry leased, running or waiting on a node is linked into that node's list, in grant
 * order, so node loss and worker kills touch only that node's entries. The generation is bumped
 * at every state change and travels in event payloads, so an event of an earlier state is dropped.
 */
final class TaskColumns {
    static final int NIL = -1;
    static final int UNLINKED = -2;

    static final byte NONE = 0;
    static final byte PENDING = 1;
    /** Leased: CPU reserved; its worker runs it from {@code startNanos} (lease latency). */
    static final byte RUNNING = 3;
    /** An outer attempt blocked in {@code get} on its child, its CPU released (§2.3). */
    static final byte WAITING = 4;
    static final byte RETRY_WAIT = 5;
    static final byte FINISHED = 6;
    /** Terminal: the task ended in error. */
    static final byte FAILED = 7;

    private static final int STRIDE_SHIFT = 3;
    private static final int STATE_WORD = 0;
    private static final int GEN = 1;
    private static final int ATTEMPT = 2;
    private static final int NODE = 3;
    private static final int INCARNATION = 4;
    private static final int RETRIES_USED = 5;
    private static final int PREV = 6;
    private static final int NEXT = 7;
    private static final int QUEUED_BIT = 1 << 8;
    private static final int PREEMPTED_SHIFT = 9;

    final int taskCount;
    final long[] submitNanos;
    private final int[] rows;
    private final long[] times;

    private LeaseObserver observer;
    private Simulation sim;
    private int[] listHead = new int[0];
    private int[] listTail = new int[0];

    TaskColumns(int taskCount) {
        this.taskCount = taskCount;
        int entries = taskCount * 2;
        rows = new int[entries << STRIDE_SHIFT];
        times = new long[entries * 2];
        submitNanos = new long[taskCount];
        for (int e = 0; e < entries; e++) {
            int row = e << STRIDE_SHIFT;
            rows[row + NODE] = NIL;
            rows[row + PREV] = UNLINKED;
            rows[row + NEXT] = UNLINKED;
        }
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

    byte state(int entry) {
        return (byte) rows[entry << STRIDE_SHIFT];
    }

    /** Moves the entry to {@code newState} and invalidates events scheduled for the old one. */
    void transition(int entry, byte newState) {
        int row = entry << STRIDE_SHIFT;
        rows[row] = (rows[row] & ~0xFF) | newState;
        rows[row + GEN]++;
    }

    int gen(int entry) {
        return rows[(entry << STRIDE_SHIFT) + GEN];
    }

    boolean queued(int entry) {
        return (rows[entry << STRIDE_SHIFT] & QUEUED_BIT) != 0;
    }

    void setQueued(int entry, boolean queued) {
        int row = entry << STRIDE_SHIFT;
        rows[row] = queued ? rows[row] | QUEUED_BIT : rows[row] & ~QUEUED_BIT;
    }

    /** Failures of this task (or child) caused by preemption. */
    int preempted(int entry) {
        return rows[entry << STRIDE_SHIFT] >>> PREEMPTED_SHIFT;
    }

    void addPreempted(int entry) {
        Check.that(preempted(entry) < (1 << 22), "preempted count overflow", entry);
        rows[entry << STRIDE_SHIFT] += 1 << PREEMPTED_SHIFT;
    }

    void clearPreempted(int entry) {
        rows[entry << STRIDE_SHIFT] &= (1 << PREEMPTED_SHIFT) - 1;
    }

    int attempt(int entry) {
        return rows[(entry << STRIDE_SHIFT) + ATTEMPT];
    }

    void setAttempt(int entry, int attempt) {
        rows[(entry << STRIDE_SHIFT) + ATTEMPT] = attempt;
    }

    /** The node the entry was last leased on, or {@link #NIL}. */
    int node(int entry) {
        return rows[(entry << STRIDE_SHIFT) + NODE];
    }

    /** The node's incarnation when the entry was leased there. */
    int incarnation(int entry) {
        return rows[(entry << STRIDE_SHIFT) + INCARNATION];
    }

    void setIncarnation(int entry, int incarnation) {
        rows[(entry << STRIDE_SHIFT) + INCARNATION] = incarnation;
    }

    int retriesUsed(int entry) {
        return rows[(entry << STRIDE_SHIFT) + RETRIES_USED];
    }

    void setRetriesUsed(int entry, int retriesUsed) {
        rows[(entry << STRIDE_SHIFT) + RETRIES_USED] = retriesUsed;
    }

    /** Handle of the entry's pending event (done or retry), possibly stale. */
    long handle(int entry) {
        return times[entry << 1];
    }

    void setHandle(int entry, long handle) {
        times[entry << 1] = handle;
    }

    long startNanos(int entry) {
        return times[(entry << 1) + 1];
    }

    void setStartNanos(int entry, long startNanos) {
        times[(entry << 1) + 1] = startNanos;
    }

    /** True while the entry holds a reservation (leased or running). */
    boolean holdsCpu(int entry) {
        return state(entry) == RUNNING;
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
        return rows[(entry << STRIDE_SHIFT) + NEXT];
    }

    boolean linked(int entry) {
        return rows[(entry << STRIDE_SHIFT) + PREV] != UNLINKED;
    }

    /** Reports every link and unlink from now on to {@code observer}, stamped with sim time. */
    void observe(LeaseObserver observer, Simulation sim) {
        this.observer = observer;
        this.sim = sim;
    }

    /** Links the entry at the tail of node {@code slot}'s list and records the node. */
    void link(int entry, int slot) {
        Check.that(!linked(entry), "task entry linked twice", entry);
        ensureNodes(slot);
        int row = entry << STRIDE_SHIFT;
        rows[row + NODE] = slot;
        int tail = listTail[slot];
        rows[row + PREV] = tail;
        rows[row + NEXT] = NIL;
        if (tail == NIL) {
            listHead[slot] = entry;
        } else {
            rows[(tail << STRIDE_SHIFT) + NEXT] = entry;
        }
        listTail[slot] = entry;
        if (observer != null) {
            observer.onArrived(slot, taskOf(entry), isChild(entry), sim.nowNanos());
        }
    }

    /** Unlinks the entry from its node's list; no-op if not linked. */
    void unlink(int entry) {
        int row = entry << STRIDE_SHIFT;
        int p = rows[row + PREV];
        if (p == UNLINKED) {
            return;
        }
        int slot = rows[row + NODE];
        int n = rows[row + NEXT];
        if (p == NIL) {
            listHead[slot] = n;
        } else {
            rows[(p << STRIDE_SHIFT) + NEXT] = n;
        }
        if (n == NIL) {
            listTail[slot] = p;
        } else {
            rows[(n << STRIDE_SHIFT) + PREV] = p;
        }
        rows[row + PREV] = UNLINKED;
        rows[row + NEXT] = UNLINKED;
        if (observer != null) {
            observer.onLeft(slot, taskOf(entry), isChild(entry), sim.nowNanos());
        }
    }
}

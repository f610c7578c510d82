package io.schedsim.model.task;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayFIFOQueue;
import java.util.Arrays;

/**
 * Lease requests queued at raylets: a request for which no node had the resources
 * free waits at the feasible-but-busy raylet the policy chose, in that raylet's FIFO (children's
 * ahead of outer tasks', as in {@link PendingQueues}: Ray queues leases per scheduling class, and
 * a child's request reaches its parent's raylet while the driver's wait for spillback), until it is
 * granted there, moved on (a better node freed up), or failed back to its owner (the node died or
 * began draining, R-15). Ray keeps these in its cluster and local lease managers
 * (ray:src/ray/raylet/scheduling/cluster_lease_manager.cc, local_lease_manager.cc).
 *
 * <p>Primitive and allocation-free after warm-up: each node's queue holds {@code entry << 32 |
 * gen}, the entry's state generation when it was queued, so an entry that left PENDING since
 * (cancelled, its owner died) is recognised and dropped at the front; per entry, the node it is
 * queued at ({@code -1} if none) and the redirects its request took. A node's queue object is
 * made on its first request. {@link #nodes} lists the nodes whose queues are not empty, in the
 * order they first filled (deterministic).
 */
final class RayletQueues {
    private static final int NONE = -1;

    private final TaskColumns tasks;
    private final int[] queuedAt;
    private final int[] queuedGen;
    private final byte[] hops;
    /** Per node: children's requests, served ahead of the outer tasks' (as PendingQueues). */
    private LongArrayFIFOQueue[] childQueues = new LongArrayFIFOQueue[0];
    private LongArrayFIFOQueue[] queues = new LongArrayFIFOQueue[0];
    private boolean[] listed = new boolean[0];
    private final IntArrayList nodes = new IntArrayList();
    /** Listed nodes whose CPU was released since their queue was last served. */
    private final IntArrayList dirty = new IntArrayList();
    private boolean[] dirtyFlag = new boolean[0];
    private int driverRequests;
    private int size;

    RayletQueues(TaskColumns tasks) {
        this.tasks = tasks;
        this.queuedAt = new int[tasks.taskCount * 2];
        this.queuedGen = new int[tasks.taskCount * 2];
        this.hops = new byte[tasks.taskCount * 2];
        Arrays.fill(queuedAt, NONE);
    }

    /** Queues the PENDING entry's request at {@code slot}, after {@code redirects} spillbacks. */
    void add(int entry, int slot, int redirects) {
        if (slot >= queues.length) {
            int n = Math.max(slot + 1, queues.length * 2);
            queues = Arrays.copyOf(queues, n);
            childQueues = Arrays.copyOf(childQueues, n);
            listed = Arrays.copyOf(listed, n);
            dirtyFlag = Arrays.copyOf(dirtyFlag, n);
        }
        LongArrayFIFOQueue[] side = TaskColumns.isChild(entry) ? childQueues : queues;
        if (side[slot] == null) {
            side[slot] = new LongArrayFIFOQueue(16);
        }
        // A copy still registered went stale (the entry left PENDING and came back since).
        forget(entry);
        int gen = tasks.gen(entry);
        side[slot].enqueue(((long) entry << 32) | (gen & 0xFFFF_FFFFL));
        queuedAt[entry] = slot;
        queuedGen[entry] = gen;
        hops[entry] = (byte) Math.min(redirects, Byte.MAX_VALUE);
        size++;
        if (!TaskColumns.isChild(entry)) {
            driverRequests++;
        }
        if (!listed[slot]) {
            listed[slot] = true;
            nodes.add(slot);
        }
    }

    /**
     * The first live request queued at {@code slot}, or {@link TaskColumns#NIL}; stale ones
     * (their entry left PENDING, or was queued elsewhere since) are dropped on the way.
     */
    int peek(int slot) {
        if (slot >= queues.length) {
            return TaskColumns.NIL;
        }
        int e = peek(childQueues[slot], slot);
        return e != TaskColumns.NIL ? e : peek(queues[slot], slot);
    }

    private int peek(LongArrayFIFOQueue q, int slot) {
        while (q != null && !q.isEmpty()) {
            long v = q.firstLong();
            int e = (int) (v >>> 32);
            // Only the copy registered for the entry is its request; an older copy is stale.
            boolean registered = queuedAt[e] == slot && queuedGen[e] == (int) v;
            if (registered && tasks.gen(e) == (int) v && tasks.state(e) == TaskColumns.PENDING) {
                return e;
            }
            q.dequeueLong();
            if (registered) {
                forget(e);
            }
        }
        return TaskColumns.NIL;
    }

    /** Removes the request {@link #peek} returned; its redirects are returned. */
    int pop(int slot, int entry) {
        (TaskColumns.isChild(entry) ? childQueues : queues)[slot].dequeueLong();
        int redirects = hops[entry];
        forget(entry);
        return redirects;
    }

    /**
     * The entry leaves its queue without being granted (cancelled): it stops counting against
     * the driver's requests now; its stale copy is dropped when it reaches the front.
     */
    void forget(int entry) {
        if (queuedAt[entry] == NONE) {
            return;
        }
        queuedAt[entry] = NONE;
        size--;
        if (!TaskColumns.isChild(entry)) {
            driverRequests--;
        }
    }

    /**
     * CPU was released on the node: if requests queue there, it is served at the next dispatch.
     * O(1), so that a release costs nothing more than a flag when nothing queues.
     */
    void released(int slot) {
        if (slot < listed.length && listed[slot] && !dirtyFlag[slot]) {
            dirtyFlag[slot] = true;
            dirty.add(slot);
        }
    }

    boolean anyDirty() {
        return !dirty.isEmpty();
    }

    /** The nodes marked by {@link #released} since the last call, in order; the marks clear. */
    int takeDirty(IntArrayList into) {
        into.clear();
        for (int i = 0; i < dirty.size(); i++) {
            int slot = dirty.getInt(i);
            dirtyFlag[slot] = false;
            into.add(slot);
        }
        dirty.clear();
        return into.size();
    }

    /** Requests queued at raylets in all (stale copies of forgotten ones excluded). */
    int size() {
        return size;
    }

    /** Requests of the driver (outer tasks) queued at raylets. */
    int driverRequests() {
        return driverRequests;
    }

    /** Number of listed nodes; those at index ≥ this may have been unlisted. */
    int nodeCount() {
        return nodes.size();
    }

    int node(int index) {
        return nodes.getInt(index);
    }

    /**
     * Unlists the node at {@code index} if its queue is empty (swap with the last); true if it
     * was unlisted, so the caller looks at the same index again.
     */
    boolean unlistIfEmpty(int index) {
        int slot = nodes.getInt(index);
        if (peek(slot) != TaskColumns.NIL) {
            return false;
        }
        listed[slot] = false;
        int last = nodes.size() - 1;
        nodes.set(index, nodes.getInt(last));
        nodes.removeInt(last);
        return true;
    }
}

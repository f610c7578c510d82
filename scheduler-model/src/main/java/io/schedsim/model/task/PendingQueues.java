package io.schedsim.model.task;

import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;

/**
 * Task entries waiting for a node: two FIFO queues, children ahead of outer tasks. A child
 * is submitted by its owner to the owner's local raylet, whose queue is served as soon as a CPU
 * there frees, while the driver's outer tasks wait at the head for spillback; serving
 * children first models that, and keeps blocked parents from piling up by the thousand on a node.
 *
 * <p>An entry leaves its state without leaving the queue (its owner died, say); such a stale
 * entry is skipped when it reaches the front. {@code queued} keeps an entry in at most one place.
 */
final class PendingQueues {
    private final TaskColumns tasks;
    private final IntArrayFIFOQueue children;
    private final IntArrayFIFOQueue outers;

    PendingQueues(TaskColumns tasks) {
        this.tasks = tasks;
        this.children = new IntArrayFIFOQueue(1024);
        this.outers = new IntArrayFIFOQueue(Math.max(16, tasks.taskCount + 1));
    }

    /** Makes the entry PENDING and queues it, unless a stale copy is still queued. */
    void add(int entry) {
        tasks.transition(entry, TaskColumns.PENDING);
        if (!tasks.queued(entry)) {
            tasks.setQueued(entry, true);
            (TaskColumns.isChild(entry) ? children : outers).enqueue(entry);
        }
    }

    /** The first entry still PENDING, or {@link TaskColumns#NIL}; stale entries are dropped. */
    int peek() {
        int e = peek(children);
        return e != TaskColumns.NIL ? e : peek(outers);
    }

    /** Removes the entry {@link #peek} returned. */
    void pop(int entry) {
        (TaskColumns.isChild(entry) ? children : outers).dequeueInt();
        tasks.setQueued(entry, false);
    }

    private int peek(IntArrayFIFOQueue queue) {
        while (!queue.isEmpty()) {
            int e = queue.firstInt();
            if (tasks.state(e) == TaskColumns.PENDING) {
                return e;
            }
            queue.dequeueInt();
            tasks.setQueued(e, false);
        }
        return TaskColumns.NIL;
    }
}

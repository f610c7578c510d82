package io.schedsim.model.state;

import java.util.List;

/**
 * The servers' state, read-only: nodes by slot, allocations by id, jobs by id. What a placement
 * policy ranks from; the {@link StateStore} is the view plus its checked writes.
 */
public interface StateView {
    /** The node in {@code slot}; slots run {@code 0 .. nodeSlotCount()-1} and are never reused. */
    Node node(int slot);

    /** Number of node slots ever created (head included). */
    int nodeSlotCount();

    /** The allocation table, in id order. */
    Allocs allocs();

    /** Every registered job, in id order; read-only. */
    List<Job> jobs();
}

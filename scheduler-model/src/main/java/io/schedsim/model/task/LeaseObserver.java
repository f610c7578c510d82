package io.schedsim.model.task;

/**
 * Sees Ray task attempts arrive on and leave nodes, for pictures of a run (a timeline's per-node
 * occupancy). None is installed unless a caller asks, so a run pays one null check per lease.
 *
 * <p>Contract: calls happen on the simulation thread, inside the event that granted or ended the
 * lease, in the order the model made the changes; {@code nowNanos} is simulated time. An attempt
 * arrives when its lease is granted and leaves when it finishes, fails, is lost with its node or is
 * orphaned (its result can no longer reach an owner). An outer attempt blocked in {@code get} on
 * its child stays, as Ray's state API shows it RUNNING. An observer must not call back into the
 * model, and cannot change the run: it schedules nothing, so trace hashes stay the same.
 */
public interface LeaseObserver {
    /** An attempt of outer task {@code task} (or of its child) was leased on {@code nodeSlot}. */
    void onArrived(int nodeSlot, int task, boolean child, long nowNanos);

    /** That attempt left {@code nodeSlot}. */
    void onLeft(int nodeSlot, int task, boolean child, long nowNanos);
}

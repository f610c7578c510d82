package io.schedsim.model.sched;

import io.schedsim.model.state.Job;

/** A request to reconcile one job (N-19, N-22); {@code node} is -1 unless node-triggered. */
public final class Evaluation {
    public final int id;
    public final Job job;
    public final String triggeredBy;
    public final int node;
    public final long createdNanos;
    /** True if its job was purged when it was created (N-36: its plan stops everything). */
    public final boolean afterPurge;
    /** Plans of this eval rejected so far (N-39). */
    public int planAttempts;
    /** The broker's unblock index when the eval was last planned ({@link EvalBroker#block}). */
    public long snapshotUnblockIndex;

    public Evaluation(int id, Job job, String triggeredBy, int node, long createdNanos) {
        this.id = id;
        this.job = job;
        this.triggeredBy = triggeredBy;
        this.node = node;
        this.createdNanos = createdNanos;
        this.afterPurge = job.purged();
    }

    @Override
    public String toString() {
        return "eval " + id + " " + triggeredBy + " for " + job;
    }
}

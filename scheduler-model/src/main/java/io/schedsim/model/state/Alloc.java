package io.schedsim.model.state;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.alloc.Health;

/**
 * One allocation as the servers record it: desired status, client status as last reported,
 * desired transition, health. What the client actually does with it is the client's own ground
 * truth, kept by the {@code ClientAgent}. Status fields change only through {@link Allocs}, which
 * checks the transition tables online.
 */
public final class Alloc {
    public static final int NONE = -1;

    public final int id;
    public final Job job;
    public final int node;
    public final int jobVersion;
    /** The allocation this one replaces (migration, loss or reschedule), or {@link #NONE}. */
    public final int previousAlloc;
    public final int rescheduleAttempts;
    public final long createdNanos;

    DesiredStatus desired = DesiredStatus.RUN;
    ClientStatus client = ClientStatus.PENDING;
    public boolean migrate;
    public boolean migrateDisablePlacement;
    public Health health = Health.UNSET;
    public long modifiedNanos;
    public long runningSinceNanos = -1;
    /** True once a replacement for this allocation was placed. */
    public boolean replaced;
    /** True if the drain marked it at its deadline rather than by pacing (INV-4). */
    public boolean markedByDeadline;
    /** True while this allocation's resources are reserved on its node (server view). */
    public boolean reserved;
    public String stopReason = "";

    public Alloc(int id, Job job, int node, int previousAlloc, int rescheduleAttempts,
            long createdNanos) {
        this.id = id;
        this.job = job;
        this.node = node;
        this.jobVersion = job.version;
        this.previousAlloc = previousAlloc;
        this.rescheduleAttempts = rescheduleAttempts;
        this.createdNanos = createdNanos;
        this.modifiedNanos = createdNanos;
    }

    public DesiredStatus desired() {
        return desired;
    }

    public ClientStatus client() {
        return client;
    }

    /** Terminal in Nomad's sense: server-terminal or client-terminal (alloc.go). */
    public boolean isTerminal() {
        return desired.isServerTerminal() || client.isTerminal();
    }

    @Override
    public String toString() {
        return "alloc " + id + " of " + job + " on node " + node + " (" + desired + "/" + client
                + (migrate ? ", migrate" : "") + ")";
    }
}

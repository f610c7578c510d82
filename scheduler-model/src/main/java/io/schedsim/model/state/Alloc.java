package io.schedsim.model.state;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.alloc.Health;

/**
 * One allocation as the servers record it: desired status, client status as last reported,
 * desired transition, health. What the client actually does with it is the client's own ground
 * truth, kept by the {@code ClientAgent}. Read-only outside this package: statuses change only
 * through {@link Allocs}, which checks the transition tables online, and the rest through the
 * {@link StateStore}.
 */
public final class Alloc {
    /** No allocation: the previous allocation of one that replaces nothing. */
    public static final int NONE = -1;

    private final int id;
    private final Job job;
    private final int node;
    private int jobVersion;
    private final int previousAlloc;
    private final int rescheduleAttempts;
    private final long createdNanos;

    private DesiredStatus desired = DesiredStatus.RUN;
    private ClientStatus client = ClientStatus.PENDING;
    private boolean migrate;
    /** When the first migrate mark was set; NEVER while unmarked. */
    private long migrateMarkedNanos = SimTime.NEVER;
    private boolean migrateDisablePlacement;
    private Health health = Health.UNSET;
    private long modifiedNanos;
    private long runningSinceNanos = -1;
    /** When the client status last became unknown (Nomad's LastUnknown), or -1. */
    private long lastUnknownNanos = -1;
    private boolean replaced;
    /** Replaced while its client status was unknown (N-33's reschedule of a disconnect). */
    private boolean replacedWhileUnknown;
    /** Its client reported it failed while the servers had it unknown (N-30). */
    private boolean failedOnReconnect;
    private boolean markedByDeadline;
    private boolean reserved;
    private String stopReason = "";

    Alloc(int id, Job job, int node, int previousAlloc, int rescheduleAttempts,
            long createdNanos) {
        this.id = id;
        this.job = job;
        this.node = node;
        this.jobVersion = job.version();
        this.previousAlloc = previousAlloc;
        this.rescheduleAttempts = rescheduleAttempts;
        this.createdNanos = createdNanos;
        this.modifiedNanos = createdNanos;
    }

    /** Its index in the allocation table; ids are dense, in creation order. */
    public int id() {
        return id;
    }

    public Job job() {
        return job;
    }

    /** The slot of the node it was placed on. */
    public int node() {
        return node;
    }

    /** The job's version when it was placed, or of its latest in-place update. */
    public int jobVersion() {
        return jobVersion;
    }

    /** True if a replacement was placed while it was unknown (N-33). */
    public boolean replacedWhileUnknown() {
        return replacedWhileUnknown;
    }

    void setReplacedWhileUnknown() {
        replacedWhileUnknown = true;
    }

    /**
     * True if the client's first report after its node came back was that the allocation had
     * failed (unknown → failed; Nomad's NeedsToReconnect on a failed allocation): the reconciler
     * stops it rather than rescheduling it (N-30).
     */
    public boolean failedOnReconnect() {
        return failedOnReconnect;
    }

    /** An in-place update to the job's current version (N-36): same allocation, new version. */
    void updateInPlace(long nowNanos) {
        jobVersion = job.version();
        modifiedNanos = nowNanos;
    }

    /** The allocation this one replaces (migration, loss or reschedule), or {@link #NONE}. */
    public int previousAlloc() {
        return previousAlloc;
    }

    /** Reschedule attempts behind it (N-34): its predecessor's plus one, or 0. */
    public int rescheduleAttempts() {
        return rescheduleAttempts;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public DesiredStatus desired() {
        return desired;
    }

    /** The client status as last reported to the servers. */
    public ClientStatus client() {
        return client;
    }

    /** The drainer's mark: the allocation is to move off its draining node (N-9). */
    public boolean migrate() {
        return migrate;
    }

    /** Marked at a drain deadline as a batch allocation: stopped, never replaced (N-10). */
    /** When it was first marked for migration, or {@code SimTime.NEVER}. */
    public long migrateMarkedNanos() {
        return migrateMarkedNanos;
    }

    public boolean migrateDisablePlacement() {
        return migrateDisablePlacement;
    }

    public Health health() {
        return health;
    }

    /** The last change of its desired or client status or of its drain mark. */
    public long modifiedNanos() {
        return modifiedNanos;
    }

    /** When the servers first heard it runs, or -1. */
    public long runningSinceNanos() {
        return runningSinceNanos;
    }

    /** When its client status last became {@code UNKNOWN} (N-30), or -1 if it never did. */
    public long lastUnknownNanos() {
        return lastUnknownNanos;
    }

    /**
     * When an unknown allocation expires (alloc.go {@code Expired}): lastUnknown + its group's
     * lost_after, inclusive; {@code SimTime.NEVER} unless the allocation is unknown now.
     */
    public long unknownExpiresAtNanos() {
        if (client != ClientStatus.UNKNOWN || lastUnknownNanos < 0) {
            return SimTime.NEVER;
        }
        return lastUnknownNanos + SimTime.millis(job.disconnect().lostAfterMillis());
    }

    /** True once a replacement for this allocation was placed. */
    public boolean replaced() {
        return replaced;
    }

    /** True if the drain marked it at its deadline rather than by pacing (INV-4). */
    public boolean markedByDeadline() {
        return markedByDeadline;
    }

    /** True while this allocation's resources are reserved on its node (server view). */
    public boolean reserved() {
        return reserved;
    }

    /** Nomad's reason text of the desired stop, or empty. */
    public String stopReason() {
        return stopReason;
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

    void setDesired(DesiredStatus next, String reason, long nowNanos) {
        desired = next;
        stopReason = reason;
        modifiedNanos = nowNanos;
    }

    void setClient(ClientStatus next, long nowNanos) {
        if (next == ClientStatus.UNKNOWN && client != ClientStatus.UNKNOWN) {
            lastUnknownNanos = nowNanos;
        }
        if (next == ClientStatus.FAILED && client == ClientStatus.UNKNOWN) {
            failedOnReconnect = true;
        }
        client = next;
        modifiedNanos = nowNanos;
    }

    void markMigrate(boolean disablePlacement, boolean byDeadline, long nowNanos) {
        if (!migrate) {
            migrateMarkedNanos = nowNanos;
        }
        migrate = true;
        migrateDisablePlacement |= disablePlacement;
        markedByDeadline |= byDeadline;
        modifiedNanos = nowNanos;
    }

    void setHealth(Health health) {
        this.health = health;
    }

    void setRunningSinceNanos(long nanos) {
        this.runningSinceNanos = nanos;
    }

    void setReplaced() {
        this.replaced = true;
    }

    void setReserved(boolean reserved) {
        this.reserved = reserved;
    }
}

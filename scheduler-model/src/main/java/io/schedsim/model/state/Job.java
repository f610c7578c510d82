package io.schedsim.model.state;

import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobType;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.job.ReschedulePolicy;
import java.util.List;

/**
 * A Nomad task group, as the state store registered it from a {@code JobSpec} and updated it since
 * (N-36): a job with one group is one {@code Job}; a job with several is one {@code Job} per
 * group, each with its own id, count, resources, constraints and blocks (Nomad's reconciler, the
 * drainer's pacing and the system scheduler all work per group), registered, updated, stopped
 * and purged together ({@link #groups()}). {@code runMillis} is how long a batch
 * allocation runs before it completes (0 for services); {@code stopLatencyMillis} is the group's
 * kill_timeout/shutdown_delay (§2.2). Read-only outside this package.
 */
public final class Job {
    private final int id;
    private final String name;
    private final JobType type;
    private int count;
    private final long cpuMilli;
    private final long memMb;
    private final MigrateBlock migrate;
    private final ReschedulePolicy reschedule;
    private final long runMillis;
    private final long stopLatencyMillis;
    private final DisconnectBlock disconnect;
    private final List<Constraint> constraints;
    private final boolean distinctHosts;
    // Changed only by the state store's updateJob (N-36).
    private int version;
    /** The latest version whose change replaces allocations; 0 while none did. */
    private int destructiveVersion;
    private boolean stopped;
    private boolean purged;
    /** The job a {@code job run} registered after this one was purged, or null. */
    private Job successor;
    private boolean drainStoppedSome;
    /** The job's name and this group's, and the job's groups; null while it has one group. */
    private String jobName;
    private String groupName;
    private List<Job> groups;

    Job(int id, String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis) {
        this(id, name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, DisconnectBlock.NONE);
    }

    Job(int id, String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis, DisconnectBlock disconnect) {
        this(id, name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, disconnect, List.of());
    }

    Job(int id, String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis, DisconnectBlock disconnect, List<Constraint> constraints) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.count = count;
        this.cpuMilli = cpuMilli;
        this.memMb = memMb;
        this.migrate = migrate;
        this.reschedule = reschedule;
        this.runMillis = runMillis;
        this.stopLatencyMillis = stopLatencyMillis;
        this.disconnect = disconnect;
        this.constraints = List.copyOf(constraints);
        boolean distinct = false;
        for (Constraint constraint : this.constraints) {
            distinct |= constraint.enforcesDistinctHosts();
        }
        this.distinctHosts = distinct;
    }

    /** Its index in the job table, in registration order. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public JobType type() {
        return type;
    }

    /** Allocations wanted (service, batch); 0 for per-node types. */
    public int count() {
        return count;
    }

    public long cpuMilli() {
        return cpuMilli;
    }

    public long memMb() {
        return memMb;
    }

    public MigrateBlock migrate() {
        return migrate;
    }

    public ReschedulePolicy reschedule() {
        return reschedule;
    }

    public long runMillis() {
        return runMillis;
    }

    public long stopLatencyMillis() {
        return stopLatencyMillis;
    }

    /** The group's disconnect block (N-29); {@link DisconnectBlock#NONE} when it has none. */
    public DisconnectBlock disconnect() {
        return disconnect;
    }

    /** The group's constraints (N-35), in registration order; empty when it has none. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** True if a distinct_hosts constraint is in force (feasible.go DistinctHostsIterator). */
    public boolean distinctHosts() {
        return distinctHosts;
    }

    public int version() {
        return version;
    }

    /**
     * The latest version whose change was destructive (N-36): an allocation of an older version
     * is replaced; one of a version since is updated in place. 0 while no change was.
     */
    public int destructiveVersion() {
        return destructiveVersion;
    }

    /** A new version (the store's updateJob): count, destructiveness and stop as given. */
    void update(int newCount, boolean destructive, boolean stop) {
        version++;
        if (destructive) {
            destructiveVersion = version;
        }
        if (newCount >= 0 && !type.isPerNode()) {
            count = newCount;
        }
        stopped = stop;
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * True once {@code job stop -purge} deleted it (N-36): it is stopped, and a later
     * {@code job run} registers a new job, its {@link #successor()}.
     */
    public boolean purged() {
        return purged;
    }

    /** Purged: stopped and deleted; the version stays (a purge is no new version). */
    void purge() {
        stopped = true;
        purged = true;
    }

    /** The Nomad job's name (its ID): {@link #name()} unless the job has several groups. */
    public String jobName() {
        return jobName == null ? name : jobName;
    }

    /** The task group's name: {@link #name()} unless the job has several groups. */
    public String groupName() {
        return groupName == null ? name : groupName;
    }

    /** The job's task groups in order, this one among them; just this one for most jobs. */
    public List<Job> groups() {
        return groups == null ? List.of(this) : groups;
    }

    /** Links the groups of a job with several (the store's registerJob of a group list). */
    void setGroups(String job, String group, List<Job> all) {
        jobName = job;
        groupName = group;
        groups = all;
    }

    /** The job registered by a {@code job run} after this one was purged, or null. */
    public Job successor() {
        return successor;
    }

    void setSuccessor(Job job) {
        successor = job;
    }

    /**
     * The spec a {@code job run} of this group registers again: as it is now, count included,
     * named by its group.
     */
    public JobSpec spec() {
        return new JobSpec(groupName(), type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, disconnect, constraints);
    }

    /** True once a drain deadline stopped one of its allocations (migrateDisablePlacement). */
    public boolean drainStoppedSome() {
        return drainStoppedSome;
    }

    void setDrainStoppedSome() {
        drainStoppedSome = true;
    }

    @Override
    public String toString() {
        return name + "(" + type.jsonName() + ")";
    }
}

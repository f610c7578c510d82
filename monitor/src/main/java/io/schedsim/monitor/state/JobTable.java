package io.schedsim.monitor.state;

import io.schedsim.history.JobGroupConfigured;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.history.JobUpdated;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * The jobs as registered and updated, indexed densely, each with the list of its allocations'
 * indices in placement order. Written only by {@link State}.
 */
public final class JobTable {
    private final IdIndex indexById = new IdIndex();
    private final ObjectArrayList<JobRegistered> specs = new ObjectArrayList<>();
    private final IntArrayList version = new IntArrayList();
    /** Per job: its count now (a scale changes it), the latest destructive version, when. */
    private final IntArrayList counts = new IntArrayList();
    private final IntArrayList destructiveVersion = new IntArrayList();
    private final LongArrayList updatedAtNanos = new LongArrayList();
    private final ObjectArrayList<IntArrayList> allocs = new ObjectArrayList<>();
    /** Per job id: "job.group" for a group of a job with several groups (N-36), else null. */
    private final ObjectArrayList<String> groupNames = new ObjectArrayList<>();
    private boolean[] stopped = new boolean[16];
    private boolean[] everDisablePlacement = new boolean[16];
    private boolean[] purged = new boolean[16];
    private long[] purgedAtNanos = new long[16];
    /** Per job: its disconnect block's lost_after in nanoseconds, 0 without one (N-29). */
    private long[] lostAfterNanos = new long[16];

    /** The index of job {@code jobId}, or -1. */
    public int index(int jobId) {
        return indexById.get(jobId);
    }

    public int count() {
        return specs.size();
    }

    int register(JobRegistered spec) {
        int j = specs.size();
        indexById.put(spec.job(), j);
        specs.add(spec);
        version.add(0);
        counts.add(spec.count());
        destructiveVersion.add(0);
        updatedAtNanos.add(-1);
        allocs.add(new IntArrayList());
        groupNames.add(null);
        if (j == stopped.length) {
            stopped = Arrays.copyOf(stopped, j * 2);
            everDisablePlacement = Arrays.copyOf(everDisablePlacement, j * 2);
            purged = Arrays.copyOf(purged, j * 2);
            purgedAtNanos = Arrays.copyOf(purgedAtNanos, j * 2);
            lostAfterNanos = Arrays.copyOf(lostAfterNanos, j * 2);
        }
        return j;
    }

    void update(int j, JobUpdated e, long now) {
        version.set(j, e.version());
        stopped[j] = e.stopped();
        counts.set(j, e.count());
        if (e.destructive()) {
            destructiveVersion.set(j, e.version());
        }
        updatedAtNanos.set(j, now);
    }

    /**
     * {@code job stop -purge} (N-36): the job is stopped and deleted; a later run of it registers
     * a new job id, so this one stays purged.
     */
    void purge(int j, long now) {
        stopped[j] = true;
        purged[j] = true;
        purgedAtNanos[j] = now;
        updatedAtNanos.set(j, now);
    }

    /** The job id {@code j} stands for one task group of a job with several (N-36). */
    void group(int j, JobGroupConfigured e) {
        groupNames.set(j, e.jobName() + "." + e.group());
    }

    void addAlloc(int j, int allocIndex) {
        allocs.get(j).add(allocIndex);
    }

    void disconnect(int j, long lostAfter) {
        lostAfterNanos[j] = lostAfter;
    }

    void noteDisablePlacement(int j) {
        everDisablePlacement[j] = true;
    }

    /** The registration record: name, type, count, resources, migrate and reschedule blocks. */
    public JobRegistered spec(int j) {
        return specs.get(j);
    }

    public int id(int j) {
        return specs.get(j).job();
    }

    public JobType type(int j) {
        return specs.get(j).jobType();
    }

    /** The group's count now: as registered, or as the latest update set it. */
    public int count(int j) {
        return counts.getInt(j);
    }

    /** The latest version whose change replaces allocations (N-36); 0 while none did. */
    public int destructiveVersion(int j) {
        return destructiveVersion.getInt(j);
    }

    /** When the job was last updated or stopped, or -1. */
    public long updatedAtNanos(int j) {
        return updatedAtNanos.getLong(j);
    }

    public int version(int j) {
        return version.getInt(j);
    }

    public boolean stopped(int j) {
        return stopped[j];
    }

    /**
     * How messages name job id {@code j}: "job 3", or "job 3 (group web.api)" for a group of a
     * job with several (each group has its own job id, so every per-job rule is per group).
     */
    public String describe(int j) {
        String group = groupNames.get(j);
        return "job " + id(j) + (group == null ? "" : " (group " + group + ")");
    }

    /** True once the job was purged (job-purged; it is stopped too). */
    public boolean purged(int j) {
        return purged[j];
    }

    /** When the job was purged; meaningful only if {@link #purged}. */
    public long purgedAtNanos(int j) {
        return purgedAtNanos[j];
    }

    /** system and sysbatch place one allocation per node (N-35). */
    public boolean perNode(int j) {
        JobType type = type(j);
        return type == JobType.SYSTEM || type == JobType.SYSBATCH;
    }

    /** batch and sysbatch run to completion and drain like batch (N-10, N-38). */
    public boolean batchLike(int j) {
        JobType type = type(j);
        return type == JobType.BATCH || type == JobType.SYSBATCH;
    }

    /** Allocation indices of the job, in placement order; read-only. */
    public IntArrayList allocs(int j) {
        return allocs.get(j);
    }

    /** True once a drain stopped one of its allocations with migrateDisablePlacement. */
    public boolean everDisablePlacement(int j) {
        return everDisablePlacement[j];
    }

    /** The group's disconnect lost_after in nanoseconds, 0 without a block (N-29). */
    public long lostAfterNanos(int j) {
        return lostAfterNanos[j];
    }
}

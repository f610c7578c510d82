package io.schedsim.monitor.state;

import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import it.unimi.dsi.fastutil.ints.IntArrayList;
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
    private final ObjectArrayList<IntArrayList> allocs = new ObjectArrayList<>();
    private boolean[] stopped = new boolean[16];
    private boolean[] everDisablePlacement = new boolean[16];
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
        allocs.add(new IntArrayList());
        if (j == stopped.length) {
            stopped = Arrays.copyOf(stopped, j * 2);
            everDisablePlacement = Arrays.copyOf(everDisablePlacement, j * 2);
            lostAfterNanos = Arrays.copyOf(lostAfterNanos, j * 2);
        }
        return j;
    }

    void update(int j, int newVersion, boolean isStopped) {
        version.set(j, newVersion);
        stopped[j] = isStopped;
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

    public int count(int j) {
        return specs.get(j).count();
    }

    public int version(int j) {
        return version.getInt(j);
    }

    public boolean stopped(int j) {
        return stopped[j];
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

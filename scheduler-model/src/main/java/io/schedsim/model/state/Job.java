package io.schedsim.model.state;

import io.schedsim.model.job.JobType;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.job.ReschedulePolicy;

/**
 * A Nomad job with a single task group (the model needs no more than one group per job).
 * {@code runMillis} is how long a batch allocation runs before it completes (0 for services);
 * {@code stopLatencyMillis} is the group's kill_timeout/shutdown_delay (§2.2).
 */
public final class Job {
    public final int id;
    public final String name;
    public final JobType type;
    public final int count;
    public final long cpuMilli;
    public final long memMb;
    public final MigrateBlock migrate;
    public final ReschedulePolicy reschedule;
    public final long runMillis;
    public final long stopLatencyMillis;
    public int version;
    public boolean stopped;

    public Job(int id, String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis) {
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
    }

    @Override
    public String toString() {
        return name + "(" + type.jsonName() + ")";
    }
}

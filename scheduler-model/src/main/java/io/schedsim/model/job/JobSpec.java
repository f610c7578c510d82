package io.schedsim.model.job;

import java.util.List;

/**
 * What a scenario registers; the state store turns it into a {@code Job} with an id.
 * {@code constraints} are its group's constraints (N-35), empty by default.
 */
public record JobSpec(String name, JobType type, int count, long cpuMilli, long memMb,
        MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis, long stopLatencyMillis,
        DisconnectBlock disconnect, List<Constraint> constraints) {

    public JobSpec {
        constraints = List.copyOf(constraints);
    }

    /** A spec without constraints, as every job before constraints existed. */
    public JobSpec(String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis, DisconnectBlock disconnect) {
        this(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, disconnect, List.of());
    }

    /** A spec without a disconnect block (N-29), as every job before the block existed. */
    public JobSpec(String name, JobType type, int count, long cpuMilli, long memMb,
            MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis,
            long stopLatencyMillis) {
        this(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis, stopLatencyMillis,
                DisconnectBlock.NONE);
    }

    public static JobSpec service(String name, int count, long cpuMilli, long memMb) {
        return new JobSpec(name, JobType.SERVICE, count, cpuMilli, memMb, MigrateBlock.DEFAULT,
                ReschedulePolicy.SERVICE_DEFAULT, 0, 0);
    }

    public static JobSpec batch(String name, int count, long cpuMilli, long memMb, long runMillis) {
        return new JobSpec(name, JobType.BATCH, count, cpuMilli, memMb, MigrateBlock.DEFAULT,
                ReschedulePolicy.BATCH_DEFAULT, runMillis, 0);
    }

    public static JobSpec system(String name, long cpuMilli, long memMb) {
        return new JobSpec(name, JobType.SYSTEM, 0, cpuMilli, memMb, MigrateBlock.DEFAULT,
                ReschedulePolicy.NONE, 0, 0);
    }

    /** This spec under another name (a group's, or its job's when it is the only group). */
    public JobSpec withName(String newName) {
        return new JobSpec(newName, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, disconnect, constraints);
    }

    public JobSpec withMigrate(MigrateBlock block) {
        return new JobSpec(name, type, count, cpuMilli, memMb, block, reschedule, runMillis,
                stopLatencyMillis, disconnect, constraints);
    }

    public JobSpec withStopLatency(long millis) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                millis, disconnect, constraints);
    }

    public JobSpec withReschedule(ReschedulePolicy policy) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, policy, runMillis,
                stopLatencyMillis, disconnect, constraints);
    }

    public JobSpec withDisconnect(DisconnectBlock block) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, block, constraints);
    }

    /** This spec with {@code list} as its group's constraints (N-35). */
    public JobSpec withConstraints(List<Constraint> list) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, disconnect, list);
    }
}

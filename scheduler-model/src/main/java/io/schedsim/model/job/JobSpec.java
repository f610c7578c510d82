package io.schedsim.model.job;

/** What a scenario registers; the state store turns it into a {@code Job} with an id. */
public record JobSpec(String name, JobType type, int count, long cpuMilli, long memMb,
        MigrateBlock migrate, ReschedulePolicy reschedule, long runMillis, long stopLatencyMillis,
        DisconnectBlock disconnect) {

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

    public JobSpec withMigrate(MigrateBlock block) {
        return new JobSpec(name, type, count, cpuMilli, memMb, block, reschedule, runMillis,
                stopLatencyMillis, disconnect);
    }

    public JobSpec withStopLatency(long millis) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                millis, disconnect);
    }

    public JobSpec withReschedule(ReschedulePolicy policy) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, policy, runMillis,
                stopLatencyMillis, disconnect);
    }

    public JobSpec withDisconnect(DisconnectBlock block) {
        return new JobSpec(name, type, count, cpuMilli, memMb, migrate, reschedule, runMillis,
                stopLatencyMillis, block);
    }
}

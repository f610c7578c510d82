package io.schedsim.fault.plan;

import io.schedsim.model.job.JobUpdate;
import java.util.List;

/**
 * An operator job change at an arbitrary instant (N-36): {@code job run} of a changed spec,
 * {@code job scale}, {@code job stop} or {@code job stop -purge} of the job with id {@code job}
 * (registration order). {@code change} is {@code destructive} (a task's config or resources
 * changed: allocations are replaced), {@code in-place} (meta and the like: updated where they
 * run), {@code scale} (the count becomes {@code count}, in place), {@code stop} or {@code purge}
 * (the job is deleted; a later {@code job run} of it, destructive or in place, registers it
 * afresh). The shrinker simplifies a destructive change to an in-place one, a purge to a stop. {@code job} {@link #ANY_JOB} picks, at fire time, the job at
 * {@code jobPick} modulo the jobs registered (as the swarm draws it, not knowing the jobs).
 */
public record JobUpdateAction(long atMillis, int job, long jobPick, String change, int count)
        implements FaultAction {
    /** The job is picked at fire time from {@code jobPick}. */
    public static final int ANY_JOB = -1;
    public static final String KIND = "job-update";
    public static final String DESTRUCTIVE = "destructive";
    public static final String IN_PLACE = "in-place";
    public static final String SCALE = "scale";
    public static final String STOP = "stop";
    public static final String PURGE = "purge";
    private static final List<String> CHANGES = List.of(DESTRUCTIVE, IN_PLACE, SCALE, STOP,
            PURGE);

    public JobUpdateAction {
        Shrink.requireTime(atMillis);
        if (job < ANY_JOB) {
            throw new IllegalArgumentException("job must be an id >= 0 or -1 (picked): " + job);
        }
        Shrink.requireNonNegative(jobPick, "jobPick");
        if (!CHANGES.contains(change)) {
            throw new IllegalArgumentException("change must be one of " + CHANGES + ": "
                    + change);
        }
        if (change.equals(SCALE)) {
            Shrink.requireNonNegative(count, "count");
        } else if (count != JobUpdate.SAME_COUNT) {
            throw new IllegalArgumentException("count applies to change=scale only: " + count);
        }
    }

    /** A destructive {@code job run}. */
    public static JobUpdateAction destructive(long atMillis, int job) {
        return new JobUpdateAction(atMillis, job, 0, DESTRUCTIVE, JobUpdate.SAME_COUNT);
    }

    /** An in-place {@code job run}. */
    public static JobUpdateAction inPlace(long atMillis, int job) {
        return new JobUpdateAction(atMillis, job, 0, IN_PLACE, JobUpdate.SAME_COUNT);
    }

    /** {@code job stop -purge}. */
    public static JobUpdateAction purge(long atMillis, int job) {
        return new JobUpdateAction(atMillis, job, 0, PURGE, JobUpdate.SAME_COUNT);
    }

    /** True for {@code job stop -purge}, which {@link #update()} does not describe. */
    public boolean purges() {
        return change.equals(PURGE);
    }

    /** The job this action updates in a cluster of {@code jobCount} jobs, or -1 if none. */
    public int resolveJob(int jobCount) {
        if (job != ANY_JOB) {
            return job;
        }
        return jobCount == 0 ? -1 : (int) (jobPick % jobCount);
    }

    /** The model's update this action asks for (a purge stops the job, and more). */
    public JobUpdate update() {
        return switch (change) {
            case DESTRUCTIVE -> JobUpdate.destructiveChange();
            case SCALE -> JobUpdate.scale(count);
            case STOP, PURGE -> JobUpdate.stopJob();
            default -> JobUpdate.inPlaceChange();
        };
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        String target = job == ANY_JOB ? "job=any pick=" + jobPick : "job=" + job;
        return target + " " + change + (change.equals(SCALE) ? " count=" + count : "");
    }

    @Override
    public List<FaultAction> simpler() {
        return switch (change) {
            case DESTRUCTIVE -> List.of(new JobUpdateAction(atMillis, job, jobPick, IN_PLACE,
                    count));
            case PURGE -> List.of(new JobUpdateAction(atMillis, job, jobPick, STOP, count));
            default -> List.of();
        };
    }

    @Override
    public long complexity() {
        return change.equals(DESTRUCTIVE) || change.equals(PURGE) ? 1 : 0;
    }
}

package io.schedsim.model.task;

/**
 * The Ray task workload of a run (SC-1, ray:release/nightly_tests/chaos_test/task_workload.py).
 * {@code outerTasks} tasks of {@code cpuMilliPerTask} are submitted by the driver at
 * {@code submitAtNanos}; each holds its CPU for {@code holdNanos}, then, with {@code nestedChild},
 * submits one child of the same size that burns {@code childCpuNanos} and blocks on it with its CPU
 * released. {@code maxRetries} applies to outer tasks and children alike: -1 unlimited, 0 none.
 * {@code retryExceptions} is Ray's {@code retry_exceptions} (R-1, default False): an attempt that
 * raised an application error (TASK_EXECUTION_EXCEPTION) is retried only when it is on, and such a
 * retry counts against {@code maxRetries} like a system failure. {@code placement} is what
 * every task asks of placement beyond its CPU: memory, a custom resource, SPREAD or NODE_AFFINITY
 * (R-12, R-14; {@link TaskPlacement#NONE}: CPU only under DEFAULT).
 */
public record RayWorkloadSpec(int outerTasks, long holdNanos, boolean nestedChild,
        long childCpuNanos, long cpuMilliPerTask, int maxRetries, long submitAtNanos,
        boolean retryExceptions, TaskPlacement placement) {
    public RayWorkloadSpec {
        java.util.Objects.requireNonNull(placement, "placement");
        // The task table keeps 16 ints per task in one array (TaskColumns).
        if (outerTasks < 0 || outerTasks > (Integer.MAX_VALUE >> 4)) {
            throw new IllegalArgumentException("outerTasks out of range: " + outerTasks);
        }
        if (holdNanos < 0 || childCpuNanos < 0 || cpuMilliPerTask < 0 || submitAtNanos < 0) {
            throw new IllegalArgumentException("negative duration or size in " + this);
        }
        if (maxRetries < -1) {
            throw new IllegalArgumentException("maxRetries must be ≥ -1: " + maxRetries);
        }
    }

    /** A workload with Ray's default {@code retry_exceptions=False}. */
    public RayWorkloadSpec(int outerTasks, long holdNanos, boolean nestedChild,
            long childCpuNanos, long cpuMilliPerTask, int maxRetries, long submitAtNanos) {
        this(outerTasks, holdNanos, nestedChild, childCpuNanos, cpuMilliPerTask, maxRetries,
                submitAtNanos, false, TaskPlacement.NONE);
    }

    /** A workload whose tasks ask for CPU only under DEFAULT. */
    public RayWorkloadSpec(int outerTasks, long holdNanos, boolean nestedChild,
            long childCpuNanos, long cpuMilliPerTask, int maxRetries, long submitAtNanos,
            boolean retryExceptions) {
        this(outerTasks, holdNanos, nestedChild, childCpuNanos, cpuMilliPerTask, maxRetries,
                submitAtNanos, retryExceptions, TaskPlacement.NONE);
    }

    /** This workload with every task asking {@code placement} of placement. */
    public RayWorkloadSpec withPlacement(TaskPlacement placement) {
        return new RayWorkloadSpec(outerTasks, holdNanos, nestedChild, childCpuNanos,
                cpuMilliPerTask, maxRetries, submitAtNanos, retryExceptions, placement);
    }

    /** This workload with {@code retry_exceptions} set to {@code on}. */
    public RayWorkloadSpec withRetryExceptions(boolean on) {
        return new RayWorkloadSpec(outerTasks, holdNanos, nestedChild, childCpuNanos,
                cpuMilliPerTask, maxRetries, submitAtNanos, on, placement);
    }
}

package io.schedsim.history;

/**
 * An owner submitted a task; a resubmitted child is a new task.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id, unique per submission
 * @param parentTask the owning task, or -1 when the driver owns it
 * @param maxRetries max_retries: -1 unlimited
 * @param retryExceptions retry_exceptions: an attempt that raised (TASK_EXECUTION_EXCEPTION) is
 *     retried only if true, and such a retry counts against max_retries
 * @param oomRetries retries left for out-of-memory kills, counted apart from max_retries: -1
 *     unlimited (R-2: task_oom_retries, 0 when max_retries is 0)
 * @param cpuMilli CPU request, milli-CPU
 */
public record TaskSubmitted(
        long atNanos, long task, long parentTask, int maxRetries, boolean retryExceptions,
        int oomRetries, long cpuMilli) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public TaskSubmitted {
        Require.time(atNanos);
        Require.id("task", task);
        Require.idOrNone("parentTask", parentTask);
        Require.retries("maxRetries", maxRetries);
        Require.retries("oomRetries", oomRetries);
        Require.nonNegative("cpuMilli", cpuMilli);
    }

    @Override
    public EventType type() {
        return EventType.TASK_SUBMITTED;
    }
}

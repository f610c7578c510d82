package io.schedsim.history;

/**
 * The task's owner called {@code ray.cancel} on it; emitted before its effects. The task
 * is never retried from then on; a queued one fails TASK_CANCELLED without running, a running
 * one's attempt fails TASK_CANCELLED, and with recursive its unresolved child is cancelled too.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id; an unresolved task
 * @param force true: the worker is killed (force=True); false: the task is interrupted
 * @param recursive true: the tasks it submitted are cancelled too (Ray's default)
 */
public record TaskCancelCall(long atNanos, long task, boolean force, boolean recursive)
        implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public TaskCancelCall {
        Require.time(atNanos);
        Require.id("task", task);
    }

    @Override
    public EventType type() {
        return EventType.TASK_CANCEL_CALL;
    }
}

package io.schedsim.history;

/**
 * The owner got the task's result: a value (NONE) or an error.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id
 * @param errorType NONE for a value, else the error
 */
public record TaskResolved(long atNanos, long task, ErrorType errorType) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public TaskResolved {
        Require.time(atNanos);
        Require.id("task", task);
        Require.present("errorType", errorType);
    }

    @Override
    public EventType type() {
        return EventType.TASK_RESOLVED;
    }
}

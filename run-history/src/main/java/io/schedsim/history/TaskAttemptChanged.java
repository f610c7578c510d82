package io.schedsim.history;

/**
 * A task attempt changed state, as Ray's state API shows it (§2.3).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id
 * @param attempt attempt number, 0, 1, 2, ...
 * @param node node of the attempt, -1 while pending
 * @param state new state
 * @param errorType why it FAILED; NONE otherwise
 */
public record TaskAttemptChanged(
        long atNanos, long task, int attempt, int node, AttemptState state, ErrorType errorType) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public TaskAttemptChanged {
        Require.time(atNanos);
        Require.id("task", task);
        Require.nonNegative("attempt", attempt);
        Require.idOrNone("node", node);
        Require.present("state", state);
        Require.present("errorType", errorType);
    }

    @Override
    public EventType type() {
        return EventType.TASK_ATTEMPT_CHANGED;
    }
}

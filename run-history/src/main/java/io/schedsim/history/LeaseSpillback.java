package io.schedsim.history;

/**
 * A raylet redirected a task attempt's worker lease request to another node's raylet (R-13
 * spillback): the owner re-sends the request there, and that raylet must grant it or queue it,
 * never redirect it again (INV-22).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param task task id
 * @param attempt attempt number
 * @param fromNode node id of the raylet that redirected the request
 * @param toNode node id of the raylet the request was redirected to
 */
public record LeaseSpillback(
        long atNanos, long task, int attempt, int fromNode, int toNode) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public LeaseSpillback {
        Require.time(atNanos);
        Require.id("task", task);
        Require.nonNegative("attempt", attempt);
        Require.id("fromNode", fromNode);
        Require.id("toNode", toNode);
    }

    @Override
    public EventType type() {
        return EventType.LEASE_SPILLBACK;
    }
}

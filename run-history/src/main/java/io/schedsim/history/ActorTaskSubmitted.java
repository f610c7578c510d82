package io.schedsim.history;

/**
 * The driver submitted a task to an actor.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param actor actor id
 * @param sequenceNumber the task's sequence number at that actor, 0, 1, 2, ... in submission order
 */
public record ActorTaskSubmitted(long atNanos, long actor, int sequenceNumber) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ActorTaskSubmitted {
        Require.time(atNanos);
        Require.id("actor", actor);
        Require.nonNegative("sequenceNumber", sequenceNumber);
    }

    @Override
    public EventType type() {
        return EventType.ACTOR_TASK_SUBMITTED;
    }
}

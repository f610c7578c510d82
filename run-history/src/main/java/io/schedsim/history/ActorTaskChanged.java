package io.schedsim.history;

/**
 * An attempt of an actor task changed state: RUNNING on the actor's node, then FINISHED
 * (its result recorded), or FAILED when the actor died under it.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param actor actor id
 * @param sequenceNumber the task's sequence number at that actor
 * @param attempt attempt number, 0, 1, 2, ...
 * @param node node of the attempt (the actor's)
 * @param state new state: RUNNING, FINISHED or FAILED
 * @param errorType why it FAILED; NONE otherwise
 */
public record ActorTaskChanged(
        long atNanos, long actor, int sequenceNumber, int attempt, int node, AttemptState state, ErrorType errorType) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ActorTaskChanged {
        Require.time(atNanos);
        Require.id("actor", actor);
        Require.nonNegative("sequenceNumber", sequenceNumber);
        Require.nonNegative("attempt", attempt);
        Require.id("node", node);
        Require.present("state", state);
        Require.present("errorType", errorType);
    }

    @Override
    public EventType type() {
        return EventType.ACTOR_TASK_CHANGED;
    }
}

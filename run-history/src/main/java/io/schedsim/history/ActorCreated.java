package io.schedsim.history;

/**
 * The driver created an actor.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param actor actor id, unique in the run
 * @param maxRestarts max_restarts: -1 unlimited, 0 none
 * @param maxTaskRetries max_task_retries: -1 unlimited, 0 at-most-once
 * @param cpuMilli CPU the actor holds while alive, milli-CPU
 */
public record ActorCreated(
        long atNanos, long actor, int maxRestarts, int maxTaskRetries, long cpuMilli) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ActorCreated {
        Require.time(atNanos);
        Require.id("actor", actor);
        Require.retries("maxRestarts", maxRestarts);
        Require.retries("maxTaskRetries", maxTaskRetries);
        Require.nonNegative("cpuMilli", cpuMilli);
    }

    @Override
    public EventType type() {
        return EventType.ACTOR_CREATED;
    }
}

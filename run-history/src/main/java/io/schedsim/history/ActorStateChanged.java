package io.schedsim.history;

/**
 * An actor changed state.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param actor actor id
 * @param node ALIVE: the node it runs on; RESTARTING or DEAD: the node it died on, or -1
 * @param state new state
 */
public record ActorStateChanged(
        long atNanos, long actor, int node, ActorState state) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public ActorStateChanged {
        Require.time(atNanos);
        Require.id("actor", actor);
        Require.idOrNone("node", node);
        Require.present("state", state);
        if (state == ActorState.ALIVE && node < 0) {
            throw new IllegalArgumentException("node of an ALIVE actor must be an id: " + node);
        }
    }

    @Override
    public EventType type() {
        return EventType.ACTOR_STATE_CHANGED;
    }
}

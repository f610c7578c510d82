package io.schedsim.history;

/**
 * An evaluation was created (N-19, N-22).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param eval evaluation id
 * @param job job id
 * @param triggeredBy Nomad trigger, e.g. "node-drain", "node-update", "job-register"
 * @param node the node that triggered it, or -1
 */
public record EvalCreated(
        long atNanos, int eval, int job, String triggeredBy, int node) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public EvalCreated {
        Require.time(atNanos);
        Require.id("eval", eval);
        Require.id("job", job);
        Require.text("triggeredBy", triggeredBy);
        Require.idOrNone("node", node);
    }

    @Override
    public EventType type() {
        return EventType.EVAL_CREATED;
    }
}

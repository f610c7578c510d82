package io.schedsim.history;

/**
 * A plan is being committed; emitted before the changes it makes (INV-21).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param eval evaluation id
 * @param job job id
 * @param plannedAtNanos time of the state snapshot the plan was made from
 * @param placements placements in the plan (the applier may reject some)
 * @param stops stops in the plan
 * @param migrations stops of allocations marked for migration
 * @param lost allocations the plan marks lost
 */
public record PlanCommitted(
        long atNanos, int eval, int job, long plannedAtNanos, int placements, int stops,
        int migrations, int lost) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public PlanCommitted {
        Require.time(atNanos);
        Require.id("eval", eval);
        Require.id("job", job);
        Require.nonNegative("plannedAtNanos", plannedAtNanos);
        Require.nonNegative("placements", placements);
        Require.nonNegative("stops", stops);
        Require.nonNegative("migrations", migrations);
        Require.nonNegative("lost", lost);
    }

    @Override
    public EventType type() {
        return EventType.PLAN_COMMITTED;
    }
}

package io.schedsim.history;

/**
 * One constraint of a job's group (N-35; Nomad's job specification {@code constraint} block):
 * emitted right after its job-registered (and job-disconnect-configured), one event per
 * constraint, and only for a group that has any. Each group of a job with several has its own
 * job id, so constraints are per group; a job-level constraint is one every group carries.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param job job id
 * @param leftTarget attribute: {@code ${node.class}}, {@code ${attr.<name>}}, ... or a literal;
 *     empty for distinct_hosts
 * @param operator {@code =}, {@code ==}, {@code is}, {@code !=}, {@code not}, {@code is_set},
 *     {@code is_not_set} or {@code distinct_hosts}
 * @param rightTarget value: a literal or an interpolated target; {@code true} for distinct_hosts
 */
public record JobConstraintConfigured(long atNanos, int job, String leftTarget, String operator,
        String rightTarget) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public JobConstraintConfigured {
        Require.time(atNanos);
        Require.id("job", job);
        Require.text("leftTarget", leftTarget);
        Require.text("operator", operator);
        Require.text("rightTarget", rightTarget);
    }

    @Override
    public EventType type() {
        return EventType.JOB_CONSTRAINT_CONFIGURED;
    }
}

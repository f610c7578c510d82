package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One timed action of a fault plan. Every action type is a record with a stable kebab-case
 * {@link #kind()}, the name used in JSON ({@code "type"}), in the fault ledger and in reports.
 *
 * <p>Contract for the shrinker: {@link #simpler()} returns actions of the same kind whose
 * {@link #complexity()} is strictly smaller, and {@code complexity() >= 0}, so repeated
 * simplification always terminates. An action that lasts ({@link #durationMillis()} {@code > 0})
 * carries its own end: the injector undoes it at {@link #endMillis()}, so removing or shortening
 * an action never leaves a fault that is never lifted, unless it says {@link #UNTIL_HEAL}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TerminateInstance.class, name = TerminateInstance.KIND),
    @JsonSubTypes.Type(value = KillAgent.class, name = KillAgent.KIND),
    @JsonSubTypes.Type(value = KillRaylet.class, name = KillRaylet.KIND),
    @JsonSubTypes.Type(value = RestartNode.class, name = RestartNode.KIND),
    @JsonSubTypes.Type(value = HeartbeatLoss.class, name = HeartbeatLoss.KIND),
    @JsonSubTypes.Type(value = HeartbeatDelay.class, name = HeartbeatDelay.KIND),
    @JsonSubTypes.Type(value = Partition.class, name = Partition.KIND),
    @JsonSubTypes.Type(value = StatusUpdateChaos.class, name = StatusUpdateChaos.KIND),
    @JsonSubTypes.Type(value = EligibilityFlip.class, name = EligibilityFlip.KIND),
    @JsonSubTypes.Type(value = Drain.class, name = Drain.KIND),
    @JsonSubTypes.Type(value = RayDrain.class, name = RayDrain.KIND),
    @JsonSubTypes.Type(value = TaskCrash.class, name = TaskCrash.KIND),
    @JsonSubTypes.Type(value = SlowTasks.class, name = SlowTasks.KIND),
    @JsonSubTypes.Type(value = ClockDrift.class, name = ClockDrift.KIND),
    @JsonSubTypes.Type(value = ClockJump.class, name = ClockJump.KIND),
    @JsonSubTypes.Type(value = SchedulerStall.class, name = SchedulerStall.KIND),
    @JsonSubTypes.Type(value = LeaderFailover.class, name = LeaderFailover.KIND),
    @JsonSubTypes.Type(value = JobUpdateAction.class, name = JobUpdateAction.KIND),
    @JsonSubTypes.Type(value = UnhealthyAllocs.class, name = UnhealthyAllocs.KIND),
    @JsonSubTypes.Type(value = CancelTask.class, name = CancelTask.KIND),
    @JsonSubTypes.Type(value = NodePurge.class, name = NodePurge.KIND)
})
public sealed interface FaultAction
        permits TerminateInstance, KillAgent, KillRaylet, RestartNode, HeartbeatLoss, HeartbeatDelay,
                Partition, StatusUpdateChaos, EligibilityFlip, Drain, RayDrain, TaskCrash, SlowTasks,
                ClockDrift, ClockJump, SchedulerStall, LeaderFailover, JobUpdateAction,
                UnhealthyAllocs, CancelTask, NodePurge {

    /** Node sentinel: the target is resolved at fire time (e.g. the oldest node still down). */
    int ANY_NODE = -1;

    /** Duration sentinel: the fault lasts until the heal phase lifts it. */
    long UNTIL_HEAL = -1;

    /**
     * The latest time, and the longest span, an action may name: 1,000 days. Every scenario's
     * horizon is at most 10 days, and sums of such times stay far from overflowing the
     * simulation's nanoseconds (a replay file with a time near Long.MAX_VALUE is rejected).
     */
    long TIME_MILLIS_MAX = 1_000L * 86_400_000L;

    /** Simulated time at which the action fires, in milliseconds since the start of the run. */
    long atMillis();

    /** Stable kebab-case name of the action type: JSON type, ledger and report key. */
    String kind();

    /** The parameters as {@code key=value} words, e.g. {@code victim=first}. */
    String describeParams();

    /** Candidates for the shrinker, each strictly less complex than this action. */
    List<FaultAction> simpler();

    /** A non-negative measure that every {@link #simpler()} candidate strictly decreases. */
    long complexity();

    /** How long the fault lasts: 0 for an instant action, {@link #UNTIL_HEAL}, or a duration. */
    default long durationMillis() {
        return 0;
    }

    /** Time of the injector's undo; {@code Long.MAX_VALUE} if the fault lasts until heal. */
    default long endMillis() {
        long duration = durationMillis();
        return duration == UNTIL_HEAL ? Long.MAX_VALUE : atMillis() + duration;
    }

    /** One line, e.g. {@code t=61.234s terminate-instance victim=first}. */
    default String describe() {
        String params = describeParams();
        String head = "t=" + TimeText.seconds(atMillis()) + " " + kind();
        return params.isEmpty() ? head : head + " " + params;
    }
}

package io.schedsim.history;

/**
 * One observable change in a run, as an observer of the cluster and of the test harness would
 * see it: operator calls and their results, node status, heartbeats and health checks, faults,
 * evaluations and plans, allocations, Ray task attempts and resource reservations.
 *
 * <p>Contract: events are pure data (records of primitives, strings and the enums of this
 * package). A history is a sequence of events whose {@link #atNanos()} never decreases; an
 * event's sequence number is its position in the history, assigned by whoever consumes it, never
 * stored in the event. The first event is a {@link RunStarted}. docs/history.md documents every
 * event, field and unit; the JSON names of {@link EventType} are the format.
 */
public sealed interface HistoryEvent
        permits RunStarted, HeartbeatConfigured, HealthCheckConfigured, RayHeartbeatConfigured,
                DrainerConfigured, KillerConfigured, RunEnded, NodeRegistered, NodeAttributeSet,
                NodeStatusChanged,
                EligibilityChanged, DrainSetCall, DrainCancelCall, EligibilitySetCall,
                DrainCompleted, NodePurged, HeartbeatSent, HeartbeatReceived, HealthCheckSent,
                HealthCheckAnswered, HealthCheckFailed, HostTerminated, AgentKilled,
                NodeRestarted, PartitionChanged, HeartbeatLossChanged, HeartbeatDelayChanged,
                HealthChecksChanged,
                ClockDriftChanged, ClockJumped, LeaderFailover, SchedulersStalled, JobRegistered,
                JobDisconnectConfigured, JobConstraintConfigured, JobGroupConfigured, JobUpdated,
                JobPurged,
                EvalCreated,
                AllocUpdatedInPlace,
                PlanCommitted, AllocPlaced, AllocDesiredChanged,
                AllocClientChanged, AllocHealthSet, MigrateMarked, TaskSubmitted,
                TaskAttemptChanged, LeaseGranted, TaskResolved, ResourcesReserved,
                ResourcesReleased, RayDrainCall, ActorCreated, ActorStateChanged,
                ActorTaskSubmitted, ActorTaskChanged, TaskCancelCall, LeaseSpillback, NodeResourceSet, TaskPlacementConfigured {

    /** Simulated time of the event in nanoseconds since the run started; never negative. */
    long atNanos();

    /** The event's kind, which names it in JSON and lets consumers dispatch with a switch. */
    EventType type();
}

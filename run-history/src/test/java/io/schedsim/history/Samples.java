package io.schedsim.history;

import java.util.List;

/** One event of every type, with values that exercise each field's range. */
public final class Samples {
    private Samples() {}

    /** Every event type once, in a valid order (header first, time never decreasing). */
    public static List<HistoryEvent> oneOfEach() {
        return List.of(
                new RunStarted(0, HistoryFormat.VERSION_1, "chaos-swarm", -7L, "",
                        DetectorPolicy.NOMAD_TTL),
                new HeartbeatConfigured(0, 10_000, 50.0, 10_000, 300_000),
                new HealthCheckConfigured(0, 5_000, 3_000, 10_000, 5),
                new RayHeartbeatConfigured(0, 1_000, 30),
                new DrainerConfigured(0, 1_000, 0),
                new KillerConfigured(0, 2, 60_000, 1),
                new NodeRegistered(0, 0, 16_000, 65_536, true, -1),
                new NodeAttributeSet(0, 0, "node.class", "gpu"),
                new NodeStatusChanged(1, 0, NodeStatus.READY, "registered \"quoted\" \u00e9"),
                new EligibilityChanged(2, 0, false, EligibilitySource.DRAIN_SET),
                new DrainSetCall(2, 0, 3_600_000, false, true, true, "ok"),
                new DrainCancelCall(3, 0, true, true, "ok"),
                new EligibilitySetCall(4, 0, true, false, "can not set eligible while draining"),
                new DrainCompleted(5, 0, true),
                new HeartbeatSent(6, 0),
                new HeartbeatReceived(7, 0, 12_345_678_901L),
                new HealthCheckSent(8, 0),
                new HealthCheckAnswered(9, 0),
                new HealthCheckFailed(10, 0, HealthCheckFailure.REFUSED),
                new HostTerminated(11, 0, true),
                new AgentKilled(11, 0, false),
                new NodeRestarted(12, 0, 1),
                new PartitionChanged(13, 1, true, false),
                new HeartbeatLossChanged(14, 1, 0.25),
                new HeartbeatDelayChanged(15, 1, 5_000_000_000L),
                new ClockDriftChanged(16, 1, -500),
                new ClockJumped(17, 1, -2_000_000_000L),
                new LeaderFailover(18),
                new SchedulersStalled(19, 30_000_000_000L),
                new JobRegistered(20, 3, "web", JobType.SERVICE, 10, 500, 256, 2, 10_000, 300_000,
                        0, 30_000, true),
                new JobDisconnectConfigured(20, 3, 120_000, false, "keep_original"),
                new JobConstraintConfigured(20, 3, "${node.class}", "!=", "gpu"),
                new JobConstraintConfigured(20, 3, "", "distinct_hosts", "true"),
                new JobUpdated(21, 3, 1, false),
                new EvalCreated(22, 9, 3, "node-drain", -1),
                new PlanCommitted(23, 9, 3, 22, 2, 1, 1, 0),
                new AllocPlaced(23, 40, 3, 1, 39, 0),
                new AllocDesiredChanged(24, 39, DesiredStatus.STOP, "alloc is being migrated"),
                new AllocClientChanged(25, 40, ClientStatus.RUNNING),
                new AllocHealthSet(26, 40, true),
                new MigrateMarked(27, 40, false),
                new TaskSubmitted(28, 1L << 40, -1, -1, 1_000),
                new TaskAttemptChanged(29, 1L << 40, 0, -1, AttemptState.PENDING_NODE_ASSIGNMENT,
                        ErrorType.NONE),
                new LeaseGranted(30, 1L << 40, 0, 1, 1_000, 0),
                new TaskResolved(31, 1L << 40, ErrorType.NODE_DIED),
                new ResourcesReserved(32, 1, 1_000, 0, -1, 1L << 40, 0),
                new ResourcesReleased(33, 1, 500, 256, 40, -1, -1),
                new RayDrainCall(34, 1, RayDrainReason.PREEMPTION, 30_000, true, ""),
                new RayDrainCall(35, 1, RayDrainReason.IDLE_TERMINATION, 0, false,
                        "The node to be idle terminated is no longer idle."),
                new ActorCreated(36, 7, -1, 0, 250),
                new ActorStateChanged(36, 7, -1, ActorState.PENDING_CREATION),
                new ActorTaskSubmitted(36, 7, 0),
                new ActorStateChanged(37, 7, 1, ActorState.ALIVE),
                new ActorTaskChanged(37, 7, 0, 0, 1, AttemptState.RUNNING, ErrorType.NONE),
                new ActorTaskChanged(38, 7, 0, 0, 1, AttemptState.FAILED, ErrorType.NODE_DIED),
                new ActorStateChanged(38, 7, 1, ActorState.RESTARTING),
                new RunEnded(Long.MAX_VALUE / 2, RunStopReason.TIME_LIMIT));
    }
}

package io.schedsim.fault.plan;

import java.util.List;

/** At least one action of every type, with edge values, shared by the plan tests. */
public final class SampleActions {
    private SampleActions() {}

    public static List<FaultAction> all() {
        return List.of(
                TerminateInstance.first(61_234, 119_999),
                TerminateInstance.random(5_000, 123_456_789, 5_000),
                TerminateInstance.slot(7_000, 3, 8_000),
                new KillAgent(1_000, 2),
                KillRaylet.first(62_000, 119_999),
                KillRaylet.random(6_000, 987_654, 7_000),
                KillRaylet.slot(8_000, 2, 8_000),
                new RestartNode(30_000, FaultAction.ANY_NODE, true),
                new RestartNode(31_000, 4, false),
                new HeartbeatLoss(2_000, 45_000, List.of(3, 1), 0.75),
                new HeartbeatDelay(3_000, 20_000, List.of(2), 12_345),
                new Partition(4_000, 5_000, List.of(1, 2, 3), PartitionDirection.BOTH),
                new Partition(4_000, FaultAction.UNTIL_HEAL, List.of(5),
                        PartitionDirection.TO_SERVER),
                new Partition(4_500, 9_000, List.of(6), PartitionDirection.FROM_SERVER),
                new StatusUpdateChaos(0, 60_000, 2_500, 0.125),
                new EligibilityFlip(10_000, 1, true),
                new EligibilityFlip(10_000, 1, false),
                Drain.deadline(9_000, 1, 60_000, true),
                Drain.force(9_500, 2, false),
                Drain.noDeadline(9_600, 3, true),
                Drain.cancel(20_000, 1, false),
                Drain.cancel(21_000, 3, true),
                new RayDrain(22_000, 2, io.schedsim.model.api.RayDrainReason.PREEMPTION, 30_000),
                new RayDrain(23_000, 3, io.schedsim.model.api.RayDrainReason.IDLE_TERMINATION, 0),
                new TaskCrash(11_000, 2, 3),
                new TaskCrash(11_500, 3, 2, 5, TaskFaultCause.APPLICATION_ERROR),
                new TaskCrash(11_600, 1, 1, 0, TaskFaultCause.APPLICATION_ERROR),
                new TaskCrash(11_700, 1, 1, 2, TaskFaultCause.WORKER_DIED),
                new TaskCrash(11_800, 2, 1, 1, TaskFaultCause.OOM),
                new SlowTasks(12_000, 30_000, 2.5),
                new ClockDrift(13_000, 40_000, 4, -20_000),
                new ClockJump(14_000, 4, -1_500),
                new SchedulerStall(15_000, 7_000),
                new LeaderFailover(16_000),
                new JobUpdateAction(17_000, 1, 0, JobUpdateAction.SCALE, 3),
                JobUpdateAction.purge(17_500, 0),
                UnhealthyAllocs.everywhere(18_000, 120_000),
                new UnhealthyAllocs(19_000, 60_000, List.of(4, 2)),
                new CancelTask(20_000, 3, true),
                new CancelTask(20_500, 0, false),
                new NodePurge(21_000, 2));
    }
}

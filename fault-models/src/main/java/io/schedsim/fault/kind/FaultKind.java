package io.schedsim.fault.kind;

import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.UnhealthyAllocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The thirteen fault kinds: the unit the swarm generator switches on or off per run. Each kind
 * groups one or more action kinds (the ledger's names); the reference is the SEMANTICS.md §2.5
 * fault (F-*) or the {@code ClusterControl} operation family it exercises.
 */
public enum FaultKind {
    HOST_LOSS("F-1", TerminateInstance.KIND),
    AGENT_KILL("F-2", KillAgent.KIND, KillRaylet.KIND),
    NODE_RESTART("restart", RestartNode.KIND),
    HEARTBEAT("F-5", HeartbeatLoss.KIND, HeartbeatDelay.KIND),
    PARTITION("F-4, F-5", Partition.KIND),
    STATUS_UPDATE_CHAOS("status updates", StatusUpdateChaos.KIND),
    ELIGIBILITY_FLIP("F-8", EligibilityFlip.KIND),
    DRAIN("F-6, F-8", Drain.KIND, RayDrain.KIND, NodePurge.KIND),
    WORK("F-3", TaskCrash.KIND, SlowTasks.KIND, UnhealthyAllocs.KIND, CancelTask.KIND),
    CLOCK("clock", ClockDrift.KIND, ClockJump.KIND),
    SCHEDULER_STALL("stall", SchedulerStall.KIND),
    LEADER_FAILOVER("F-7", LeaderFailover.KIND),
    JOB_UPDATE("N-36", JobUpdateAction.KIND);

    private final String reference;
    private final List<String> actionKinds;

    FaultKind(String reference, String... actionKinds) {
        this.reference = reference;
        this.actionKinds = List.of(actionKinds);
    }

    /** Kebab-case name, e.g. {@code host-loss}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The SEMANTICS.md fault (F-*) or operation family this kind exercises. */
    public String reference() {
        return reference;
    }

    /** The action kinds (ledger names) that belong to this fault kind. */
    public List<String> actionKinds() {
        return actionKinds;
    }

    /** The fault kind an action kind belongs to. */
    public static FaultKind ofAction(String actionKind) {
        for (FaultKind kind : values()) {
            if (kind.actionKinds.contains(actionKind)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown action kind: " + actionKind);
    }

    /** Every action kind, in kind order. */
    public static List<String> allActionKinds() {
        List<String> all = new ArrayList<>();
        for (FaultKind kind : values()) {
            all.addAll(kind.actionKinds);
        }
        return List.copyOf(all);
    }
}

package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The node slots an action names, with the field that names each, so a plan read from a file can
 * be checked against the nodes a run has before it runs. {@link FaultAction#ANY_NODE} (resolved at
 * fire time) and victims chosen by rule are not named slots.
 */
public final class NodeTargets {
    private NodeTargets() {}

    /** One named slot; {@code field} is the action's field: {@code node}, {@code nodes[1]}. */
    public record Target(String field, int node) {}

    public static List<Target> of(FaultAction action) {
        List<Target> targets = new ArrayList<>(2);
        if (action instanceof ClockDrift a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof ClockJump a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof Drain a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof RayDrain a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof EligibilityFlip a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof NodePurge a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof KillAgent a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof TaskCrash a) {
            targets.add(new Target("node", a.node()));
        } else if (action instanceof RestartNode a) {
            if (a.node() != FaultAction.ANY_NODE) {
                targets.add(new Target("node", a.node()));
            }
        } else if (action instanceof TerminateInstance a) {
            if (a.victim() == VictimRule.SLOT) {
                targets.add(new Target("victimPick", a.victimPick()));
            }
        } else if (action instanceof KillRaylet a) {
            if (a.victim() == VictimRule.SLOT) {
                targets.add(new Target("victimPick", a.victimPick()));
            }
        } else if (action instanceof HeartbeatDelay a) {
            addAll(targets, a.nodes());
        } else if (action instanceof HeartbeatLoss a) {
            addAll(targets, a.nodes());
        } else if (action instanceof Partition a) {
            addAll(targets, a.nodes());
        } else if (action instanceof UnhealthyAllocs a) {
            addAll(targets, a.nodes());
        } else if (!(action instanceof LeaderFailover || action instanceof SchedulerStall
                || action instanceof SlowTasks || action instanceof StatusUpdateChaos
                || action instanceof JobUpdateAction || action instanceof CancelTask)) {
            throw new AssertionError(action);
        }
        return targets;
    }

    private static void addAll(List<Target> targets, List<Integer> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            targets.add(new Target("nodes[" + i + "]", nodes.get(i)));
        }
    }
}

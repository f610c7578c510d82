package io.schedsim.fault.swarm;

import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.ArrayList;
import java.util.List;

/** Draws the faults that hit nodes: host loss, agent kill, restart, heartbeat, partition, clock. */
final class NodeFaultDraws {
    /** A terminate that finds no victim keeps re-checking this long. */
    static final long RECHECK_WINDOW_MILLIS = 30_000;

    private NodeFaultDraws() {}

    static List<FaultAction> hostLoss(SwarmDraws draws, int killsMax) {
        List<FaultAction> kills = new ArrayList<>();
        int count = draws.count(1, killsMax);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            long recheckUntil = Math.min(at + RECHECK_WINDOW_MILLIS,
                    draws.spec().windowEndMillis() - 1);
            double rule = draws.uniform2(0, 1);
            int pick = draws.pick();
            if (rule < 0.5) {
                kills.add(TerminateInstance.first(at, recheckUntil));
            } else if (rule < 0.8) {
                kills.add(TerminateInstance.random(at, pick, recheckUntil));
            } else {
                kills.add(TerminateInstance.slot(at, draws.worker(), recheckUntil));
            }
        }
        return kills;
    }

    static List<FaultAction> agentKill(SwarmDraws draws, int killsMax) {
        List<FaultAction> kills = new ArrayList<>();
        for (int node : draws.someWorkers(killsMax)) {
            kills.add(new KillAgent(draws.atMillis(), node));
        }
        return kills;
    }

    /** Restarts some of the nodes the destructive actions bring down, after a downtime. */
    static List<FaultAction> restarts(SwarmDraws draws, List<FaultAction> destructive) {
        List<FaultAction> restarts = new ArrayList<>();
        for (FaultAction down : destructive) {
            if (!draws.chance(0.7)) {
                continue;
            }
            long at = down.atMillis() + draws.uniform(10_000, 90_000);
            boolean sameIdentity = !draws.spec().rayTasks() || draws.chance(0.5);
            int node = down instanceof KillAgent kill ? kill.node() : FaultAction.ANY_NODE;
            if (at < draws.spec().windowEndMillis()) {
                restarts.add(new RestartNode(at, node, sameIdentity));
            }
        }
        return restarts;
    }

    static List<FaultAction> heartbeat(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 3);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            long duration = draws.duration(at, 5_000, 60_000);
            List<Integer> nodes = draws.someWorkers(2);
            if (draws.chance(0.5)) {
                faults.add(new HeartbeatLoss(at, duration, nodes, draws.uniform2(0.3, 1.0)));
            } else {
                faults.add(new HeartbeatDelay(at, duration, nodes, draws.uniform(1_000, 15_000)));
            }
        }
        return faults;
    }

    static List<FaultAction> partition(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 3);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            long duration = draws.duration(at, 2_000, 60_000);
            double way = draws.uniform2(0, 1);
            PartitionDirection direction = way < 0.6 ? PartitionDirection.BOTH
                    : way < 0.8 ? PartitionDirection.TO_SERVER : PartitionDirection.FROM_SERVER;
            faults.add(new Partition(at, duration, draws.someWorkers(2), direction));
        }
        return faults;
    }

    static List<FaultAction> clock(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 3);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            long sign = draws.chance(0.5) ? 1 : -1;
            if (draws.chance(0.6)) {
                long duration = draws.duration(at, 10_000, 120_000);
                faults.add(new ClockDrift(at, duration, draws.worker(),
                        sign * draws.uniform(50, 20_000)));
            } else {
                faults.add(new ClockJump(at, draws.worker(), sign * draws.uniform(100, 30_000)));
            }
        }
        return faults;
    }
}

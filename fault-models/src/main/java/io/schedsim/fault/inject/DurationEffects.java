package io.schedsim.fault.inject;

import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.UnhealthyAllocs;
import io.schedsim.model.ClusterControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Starts and ends lasting faults. Each started action occupies one channel per node it reached;
 * after every start or end the channel's setting is recomputed from the actions still active on
 * it ({@link ChannelSettings}), so overlapping faults end cleanly and the last end restores the
 * neutral setting.
 */
final class DurationEffects {
    private final ClusterControl control;
    private final FaultLedger ledger;
    private final ChannelSettings settings;
    private final TreeMap<Channel, LinkedHashMap<Integer, FaultAction>> active = new TreeMap<>();
    private final TreeMap<Integer, List<Channel>> channelsOfAction = new TreeMap<>();

    DurationEffects(ClusterControl control, FaultLedger ledger) {
        this.control = control;
        this.ledger = ledger;
        this.settings = new ChannelSettings(control);
    }

    Firing start(int index, FaultAction action) {
        if (action instanceof HeartbeatLoss loss) {
            return startOnNodes(index, action, loss.nodes(), Effect.HEARTBEAT_LOSS);
        } else if (action instanceof HeartbeatDelay delay) {
            return startOnNodes(index, action, delay.nodes(), Effect.HEARTBEAT_DELAY);
        } else if (action instanceof Partition partition) {
            return startOnNodes(index, action, partition.nodes(), Effect.PARTITION);
        } else if (action instanceof ClockDrift drift) {
            return startOnNodes(index, action, List.of(drift.node()), Effect.CLOCK_DRIFT);
        } else if (action instanceof StatusUpdateChaos) {
            return startCluster(index, action, Effect.STATUS_UPDATES);
        } else if (action instanceof SlowTasks) {
            return startCluster(index, action, Effect.WORK_SLOWDOWN);
        } else if (action instanceof SchedulerStall) {
            return startCluster(index, action, Effect.SCHEDULER_STALL);
        } else if (action instanceof UnhealthyAllocs unhealthy) {
            return unhealthy.allNodes()
                    ? startCluster(index, action, Effect.FAILING_HEALTH_CHECKS)
                    : startOnNodes(index, action, unhealthy.nodes(),
                            Effect.FAILING_HEALTH_CHECKS);
        }
        throw new AssertionError(action);
    }

    /** Ends a started action at its planned end; returns the nodes it is lifted from. */
    List<Integer> end(int index) {
        List<Channel> channels = channelsOfAction.remove(index);
        List<Integer> nodes = new ArrayList<>();
        if (channels == null) {
            return nodes;
        }
        for (Channel channel : channels) {
            LinkedHashMap<Integer, FaultAction> actions = active.get(channel);
            actions.remove(index);
            if (actions.isEmpty()) {
                active.remove(channel);
            }
            settings.restore(channel, actions.values());
            if (channel.node() != Channel.CLUSTER) {
                nodes.add(channel.node());
            }
        }
        return nodes;
    }

    /** Lifts every active lasting fault; returns the indexes of the actions it lifted. */
    SortedSet<Integer> healAll(long nowNanos) {
        SortedSet<Integer> lifted = new TreeSet<>(channelsOfAction.keySet());
        for (Channel channel : active.keySet()) {
            settings.neutral(channel);
        }
        active.clear();
        channelsOfAction.clear();
        settings.endStall(nowNanos);
        return lifted;
    }

    private Firing startOnNodes(int index, FaultAction action, List<Integer> nodes,
            Effect effect) {
        List<Integer> reached = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int node : nodes) {
            String why = Targets.hostUnavailable(control, node);
            if (why != null) {
                missed.add("node=" + node + " " + why);
                continue;
            }
            occupy(index, action, new Channel(effect, node));
            markDisturbed(effect, node);
            reached.add(node);
        }
        if (reached.isEmpty()) {
            return Firing.skipped(nodes, String.join("; ", missed));
        }
        return Firing.fired(reached, missed.isEmpty() ? "" : "not on " + String.join("; ", missed));
    }

    private Firing startCluster(int index, FaultAction action, Effect effect) {
        occupy(index, action, Channel.cluster(effect));
        return Firing.clusterWide("");
    }

    private void occupy(int index, FaultAction action, Channel channel) {
        LinkedHashMap<Integer, FaultAction> actions =
                active.computeIfAbsent(channel, unused -> new LinkedHashMap<>());
        actions.put(index, action);
        channelsOfAction.computeIfAbsent(index, unused -> new ArrayList<>()).add(channel);
        settings.apply(channel, actions.values());
    }

    private void markDisturbed(Effect effect, int node) {
        if (effect == Effect.FAILING_HEALTH_CHECKS) {
            // The node itself is sound: its heartbeats and clock are untouched.
            return;
        }
        if (effect == Effect.PARTITION) {
            ledger.markPartitioned(node);
        } else if (effect == Effect.CLOCK_DRIFT) {
            ledger.markClockDisturbed(node);
        } else {
            ledger.markHeartbeatStarved(node);
        }
    }
}

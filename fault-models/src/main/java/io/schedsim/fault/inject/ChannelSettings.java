package io.schedsim.fault.inject;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.ClockDrift;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.HeartbeatDelay;
import io.schedsim.fault.plan.HeartbeatLoss;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.model.ClusterControl;
import java.util.Collection;
import java.util.List;

/** Computes a channel's combined setting from its active faults and pushes it to the cluster. */
final class ChannelSettings {
    private final ClusterControl control;
    private long stallUntilNanos = Long.MIN_VALUE;

    ChannelSettings(ClusterControl control) {
        this.control = control;
    }

    /** After a fault started on the channel. */
    void apply(Channel channel, Collection<FaultAction> actions) {
        if (channel.effect() == Effect.SCHEDULER_STALL) {
            extendStall(actions);
        } else {
            push(channel, actions);
        }
    }

    /** After a fault ended on the channel; a stall ends by itself at its planned time. */
    void restore(Channel channel, Collection<FaultAction> remaining) {
        if (channel.effect() != Effect.SCHEDULER_STALL) {
            push(channel, remaining);
        }
    }

    /** Heal: the channel's neutral setting, whatever is active. */
    void neutral(Channel channel) {
        if (channel.effect() != Effect.SCHEDULER_STALL) {
            push(channel, List.of());
        }
    }

    /** Heal: ends a stall that would otherwise outlast now. */
    void endStall(long nowNanos) {
        if (stallUntilNanos > nowNanos) {
            control.stallSchedulers(nowNanos);
        }
        stallUntilNanos = Long.MIN_VALUE;
    }

    private void extendStall(Collection<FaultAction> actions) {
        long untilNanos = Long.MIN_VALUE;
        for (FaultAction action : actions) {
            untilNanos = Math.max(untilNanos, SimTime.millis(action.endMillis()));
        }
        if (untilNanos > stallUntilNanos) {
            stallUntilNanos = untilNanos;
            control.stallSchedulers(untilNanos);
        }
    }

    private void push(Channel channel, Collection<FaultAction> actions) {
        int node = channel.node();
        switch (channel.effect()) {
            case HEARTBEAT_LOSS -> control.setHeartbeatLoss(node, maxLoss(actions));
            case HEARTBEAT_DELAY -> control.setHeartbeatExtraDelay(node, maxDelayNanos(actions));
            case PARTITION -> pushPartition(node, actions);
            case STATUS_UPDATES -> pushStatusUpdates(actions);
            case WORK_SLOWDOWN -> control.setWorkSlowdown(maxSlowdown(actions));
            case CLOCK_DRIFT -> control.setClockDrift(node, lastDriftPpm(actions));
            // Channel.CLUSTER is ClusterControl.ALL_NODES: a fault on every node.
            case FAILING_HEALTH_CHECKS -> control.setHealthChecksFailing(node, !actions.isEmpty());
            default -> throw new AssertionError(channel);
        }
    }

    private static double maxLoss(Collection<FaultAction> actions) {
        double loss = 0.0;
        for (FaultAction action : actions) {
            loss = Math.max(loss, ((HeartbeatLoss) action).lossProbability());
        }
        return loss;
    }

    private static long maxDelayNanos(Collection<FaultAction> actions) {
        long delayMillis = 0;
        for (FaultAction action : actions) {
            delayMillis = Math.max(delayMillis, ((HeartbeatDelay) action).extraDelayMillis());
        }
        return SimTime.millis(delayMillis);
    }

    private void pushPartition(int node, Collection<FaultAction> actions) {
        boolean toServerBlocked = false;
        boolean fromServerBlocked = false;
        for (FaultAction action : actions) {
            Partition partition = (Partition) action;
            toServerBlocked |= partition.direction().toServerBlocked();
            fromServerBlocked |= partition.direction().fromServerBlocked();
        }
        control.setPartition(node, toServerBlocked, fromServerBlocked);
    }

    private void pushStatusUpdates(Collection<FaultAction> actions) {
        long delayMillis = 0;
        double duplicate = 0.0;
        for (FaultAction action : actions) {
            StatusUpdateChaos chaos = (StatusUpdateChaos) action;
            delayMillis = Math.max(delayMillis, chaos.maxExtraDelayMillis());
            duplicate = Math.max(duplicate, chaos.duplicateProbability());
        }
        control.setStatusUpdateFaults(SimTime.millis(delayMillis), duplicate);
    }

    private static double maxSlowdown(Collection<FaultAction> actions) {
        double factor = 1.0;
        for (FaultAction action : actions) {
            factor = Math.max(factor, ((SlowTasks) action).slowdownFactor());
        }
        return factor;
    }

    private static long lastDriftPpm(Collection<FaultAction> actions) {
        long ppm = 0;
        for (FaultAction action : actions) {
            ppm = ((ClockDrift) action).ratePpm();
        }
        return ppm;
    }
}

package io.schedsim.fault.plan;

import io.schedsim.model.api.RayDrainReason;
import java.util.List;

/**
 * The autoscaler's Ray {@code DrainNode(node, reason, deadline)} at an arbitrary instant:
 * an idle termination (rejected while the node runs a lease), or a preemption notice (F-6,
 * {@code EC2InstanceTerminatorWithGracePeriod}, ray#53425: always accepted; the instance is
 * usually terminated after the grace by a separate action). {@code deadlineMillis} counts from the
 * call, 0 for none; Ray treats it as a hint only.
 */
public record RayDrain(long atMillis, int node, RayDrainReason reason, long deadlineMillis)
        implements FaultAction {
    public static final String KIND = "ray-drain";

    public RayDrain {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
        if (reason == null) {
            throw new IllegalArgumentException("reason must be set");
        }
        Shrink.requireSpan(deadlineMillis, "deadlineMillis");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "node=" + node + " reason=" + reason
                + (deadlineMillis == 0 ? " no-deadline" : " deadline=" + TimeText.seconds(
                        deadlineMillis));
    }

    /** A deadline is the one part a failure may not need: without it no death is preempted. */
    @Override
    public List<FaultAction> simpler() {
        return deadlineMillis == 0 ? List.of() : List.of(new RayDrain(atMillis, node, reason, 0));
    }

    @Override
    public long complexity() {
        return deadlineMillis == 0 ? 0 : 1;
    }
}

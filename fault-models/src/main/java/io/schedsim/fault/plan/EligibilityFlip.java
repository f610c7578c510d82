package io.schedsim.fault.plan;

import java.util.List;

/**
 * F-8 operator eligibility call ({@code node eligibility -enable|-disable}, N-21) at an arbitrary
 * instant, including on draining nodes, where {@code eligible=true} must be rejected.
 */
public record EligibilityFlip(long atMillis, int node, boolean eligible) implements FaultAction {
    public static final String KIND = "eligibility-flip";

    public EligibilityFlip {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "node=" + node + (eligible ? " eligible" : " ineligible");
    }

    @Override
    public List<FaultAction> simpler() {
        return List.of();
    }

    @Override
    public long complexity() {
        return 0;
    }
}

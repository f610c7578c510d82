package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Replacements that fail their health checks (N-13): for the duration, every service allocation
 * that starts running on one of {@code nodes} (every node when the list is empty) has checks that
 * never pass, so it never turns healthy and its client reports it unhealthy at the group's
 * healthy_deadline (Nomad's health hook: client/allocrunner/health_hook.go {@code watchHealth}
 * sets unhealthy when the deadline passes; client/allochealth/tracker.go never signals healthy
 * while a check is critical). An allocation keeps its failing checks after the end; the end only
 * spares allocations that start later.
 */
public record UnhealthyAllocs(long atMillis, long durationMillis, List<Integer> nodes)
        implements FaultAction {
    public static final String KIND = "unhealthy-allocs";

    public UnhealthyAllocs {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        nodes = nodes == null || nodes.isEmpty() ? List.of() : Shrink.canonicalNodes(nodes);
    }

    /** On every node, present and future. */
    public static UnhealthyAllocs everywhere(long atMillis, long durationMillis) {
        return new UnhealthyAllocs(atMillis, durationMillis, List.of());
    }

    /** True when the fault reaches every node rather than the listed ones. */
    public boolean allNodes() {
        return nodes.isEmpty();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " nodes=" + (allNodes() ? "all" : nodes);
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new UnhealthyAllocs(window[0], window[1], nodes));
        }
        for (List<Integer> fewer : Shrink.fewerNodes(nodes)) {
            simpler.add(new UnhealthyAllocs(atMillis, durationMillis, fewer));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + nodes.size();
    }
}

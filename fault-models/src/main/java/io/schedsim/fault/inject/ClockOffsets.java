package io.schedsim.fault.inject;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.ClusterControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Net clock jumps per node, so that the heal phase can set every clock right again. */
final class ClockOffsets {
    private final TreeMap<Integer, Long> netJumpMillis = new TreeMap<>();

    void add(int node, long deltaMillis) {
        netJumpMillis.merge(node, deltaMillis, Long::sum);
    }

    /** Jumps every disturbed clock back by its net offset; returns the nodes corrected. */
    List<Integer> resynchronise(ClusterControl control) {
        List<Integer> corrected = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : netJumpMillis.entrySet()) {
            if (entry.getValue() != 0) {
                control.jumpClock(entry.getKey(), SimTime.millis(-entry.getValue()));
                corrected.add(entry.getKey());
            }
        }
        netJumpMillis.clear();
        return corrected;
    }
}

package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * F-4/F-5 partition: messages between the nodes and the servers are dropped in the given
 * direction for the duration (the nodes keep running their work), then the partition is lifted.
 */
public record Partition(long atMillis, long durationMillis, List<Integer> nodes,
        PartitionDirection direction) implements FaultAction {
    public static final String KIND = "partition";
    private static final List<PartitionDirection> ONE_WAY =
            List.of(PartitionDirection.TO_SERVER, PartitionDirection.FROM_SERVER);

    public Partition {
        Shrink.requireTime(atMillis);
        Shrink.requireDuration(durationMillis);
        nodes = Shrink.canonicalNodes(nodes);
        if (direction == null) {
            throw new IllegalArgumentException("direction must be set");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " nodes=" + nodes
                + " direction=" + direction.label();
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new Partition(window[0], window[1], nodes, direction));
        }
        for (List<Integer> fewer : Shrink.fewerNodes(nodes)) {
            simpler.add(new Partition(atMillis, durationMillis, fewer, direction));
        }
        if (direction == PartitionDirection.BOTH) {
            for (PartitionDirection oneWay : ONE_WAY) {
                simpler.add(new Partition(atMillis, durationMillis, nodes, oneWay));
            }
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + nodes.size()
                + (direction == PartitionDirection.BOTH ? 1 : 0);
    }
}

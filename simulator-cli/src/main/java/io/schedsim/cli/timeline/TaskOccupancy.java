package io.schedsim.cli.timeline;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.task.LeaseObserver;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records, for a timeline, when Ray task attempts arrive on and leave each node. Installed only
 * when a picture of the run is asked for ({@code --timeline}, {@code --perfetto}); it schedules
 * nothing, so the run and its trace hash are the same with it or without. The log keeps one entry
 * per change in primitive columns (16 bytes each, two per attempt).
 */
public final class TaskOccupancy implements LeaseObserver {
    private final LongArrayList atMillis = new LongArrayList();
    private final IntArrayList nodeSlots = new IntArrayList();
    /** Per change, its outer task plus one: positive if an attempt arrived, negated if it left. */
    private final IntArrayList taskChanges = new IntArrayList();
    private int nodeSlotMax = -1;

    /** Observes {@code cluster}'s Ray leases, if it has a Ray workload; call before its run. */
    public void install(Cluster cluster) {
        if (cluster.ray() != null) {
            cluster.ray().observeLeases(this);
        }
    }

    @Override
    public void onArrived(int nodeSlot, int task, boolean child, long nowNanos) {
        add(nodeSlot, task + 1, nowNanos);
    }

    @Override
    public void onLeft(int nodeSlot, int task, boolean child, long nowNanos) {
        add(nodeSlot, -(task + 1), nowNanos);
    }

    private void add(int nodeSlot, int taskChange, long nowNanos) {
        atMillis.add(SimTime.toMillis(nowNanos));
        nodeSlots.add(nodeSlot);
        taskChanges.add(taskChange);
        nodeSlotMax = Math.max(nodeSlotMax, nodeSlot);
    }

    /** True if no attempt was ever leased (not a Ray run, or nothing ran). */
    public boolean isEmpty() {
        return atMillis.isEmpty();
    }

    /**
     * The attempts leased on each node over time, indexed by slot ({@code nodeSlotCount} of them,
     * none null), in one pass over the log. Changes within one millisecond collapse into the last
     * count, so a node's steps never exceed its simulated milliseconds.
     */
    TimelineModel.Occupancy[] perNode(int nodeSlotCount) {
        int nodes = Math.max(nodeSlotCount, nodeSlotMax + 1);
        LongArrayList[] times = new LongArrayList[nodes];
        IntArrayList[] counts = new IntArrayList[nodes];
        int[] attempts = new int[nodes];
        int[] attemptsMax = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            times[node] = new LongArrayList();
            counts[node] = new IntArrayList();
        }
        for (int i = 0; i < atMillis.size(); i++) {
            int node = nodeSlots.getInt(i);
            attempts[node] += taskChanges.getInt(i) > 0 ? 1 : -1;
            attemptsMax[node] = Math.max(attemptsMax[node], attempts[node]);
            long at = atMillis.getLong(i);
            LongArrayList nodeTimes = times[node];
            if (!nodeTimes.isEmpty() && nodeTimes.getLong(nodeTimes.size() - 1) == at) {
                counts[node].set(counts[node].size() - 1, attempts[node]);
            } else {
                nodeTimes.add(at);
                counts[node].add(attempts[node]);
            }
        }
        TimelineModel.Occupancy[] occupancy = new TimelineModel.Occupancy[nodeSlotCount];
        for (int node = 0; node < nodeSlotCount; node++) {
            occupancy[node] = new TimelineModel.Occupancy(times[node].toLongArray(),
                    counts[node].toIntArray(), attemptsMax[node]);
        }
        return occupancy;
    }

    /** The nodes attempts of outer task {@code task} were leased on, in slot order. */
    Set<Integer> nodesOf(int task) {
        Set<Integer> nodes = new TreeSet<>();
        for (int i = 0; i < atMillis.size(); i++) {
            if (taskChanges.getInt(i) == task + 1) {
                nodes.add(nodeSlots.getInt(i));
            }
        }
        return nodes;
    }
}

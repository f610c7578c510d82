package io.schedsim.fault.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the swarm generator needs to know about the cluster and the run.
 *
 * @param nodeCount node slots at the start of the run
 * @param headSlots slots of head nodes (Ray); never targets of destructive faults
 * @param windowStartMillis first instant a fault may fire
 * @param windowEndMillis end of the fault window (exclusive); the heal phase runs here
 * @param nomadJobs the cluster runs Nomad jobs (drains and eligibility calls apply)
 * @param rayTasks the cluster runs Ray tasks (restarted nodes may join under new ids)
 */
public record SwarmSpec(int nodeCount, List<Integer> headSlots, long windowStartMillis,
        long windowEndMillis, boolean nomadJobs, boolean rayTasks) {

    public SwarmSpec {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be >= 1: " + nodeCount);
        }
        TreeSet<Integer> heads = new TreeSet<>(headSlots);
        for (int head : heads) {
            if (head < 0 || head >= nodeCount) {
                throw new IllegalArgumentException("head slot outside the cluster: " + head);
            }
        }
        headSlots = List.copyOf(heads);
        if (windowStartMillis < 0 || windowEndMillis <= windowStartMillis) {
            throw new IllegalArgumentException("fault window must be a non-empty range >= 0: ["
                    + windowStartMillis + ", " + windowEndMillis + ")");
        }
        if (!nomadJobs && !rayTasks) {
            throw new IllegalArgumentException("the cluster runs Nomad jobs, Ray tasks or both");
        }
    }

    /** A Nomad cluster without a head. */
    public static SwarmSpec nomad(int nodeCount, long windowStartMillis, long windowEndMillis) {
        return new SwarmSpec(nodeCount, List.of(), windowStartMillis, windowEndMillis, true, false);
    }

    /** Every slot that is not a head, in slot order. */
    public List<Integer> workers() {
        List<Integer> workers = new ArrayList<>(nodeCount);
        for (int node = 0; node < nodeCount; node++) {
            if (!headSlots.contains(node)) {
                workers.add(node);
            }
        }
        return workers;
    }

    public long windowMillis() {
        return windowEndMillis - windowStartMillis;
    }
}

package io.schedsim.fault.swarm;

import io.schedsim.fault.kind.FaultKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * @param allowedKinds the kinds the swarm may switch on (every kind by default); the others
 *     count as not applicable, so the level-one draws, and every plan of a run that allows
 *     every kind, stay what they were
 * @param ranges bounds on the kills and durations drawn ({@link SwarmRanges#DEFAULT}: none)
 */
public record SwarmSpec(int nodeCount, List<Integer> headSlots, long windowStartMillis,
        long windowEndMillis, boolean nomadJobs, boolean rayTasks, Set<FaultKind> allowedKinds,
        SwarmRanges ranges) {

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
        if (allowedKinds.isEmpty()) {
            throw new IllegalArgumentException("the swarm must be allowed at least one kind");
        }
        allowedKinds = Collections.unmodifiableSet(EnumSet.copyOf(allowedKinds));
        if (ranges == null) {
            throw new IllegalArgumentException("ranges must not be null");
        }
    }

    /** Every kind allowed, the generator's own ranges. */
    public SwarmSpec(int nodeCount, List<Integer> headSlots, long windowStartMillis,
            long windowEndMillis, boolean nomadJobs, boolean rayTasks) {
        this(nodeCount, headSlots, windowStartMillis, windowEndMillis, nomadJobs, rayTasks,
                EnumSet.allOf(FaultKind.class), SwarmRanges.DEFAULT);
    }

    /** This spec, the swarm drawing only from {@code kinds}. */
    public SwarmSpec withAllowedKinds(Set<FaultKind> kinds) {
        return new SwarmSpec(nodeCount, headSlots, windowStartMillis, windowEndMillis, nomadJobs,
                rayTasks, kinds, ranges);
    }

    /** This spec with {@code bounds} on kills and durations. */
    public SwarmSpec withRanges(SwarmRanges bounds) {
        return new SwarmSpec(nodeCount, headSlots, windowStartMillis, windowEndMillis, nomadJobs,
                rayTasks, allowedKinds, bounds);
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

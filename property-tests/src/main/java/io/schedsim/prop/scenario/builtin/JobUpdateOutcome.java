package io.schedsim.prop.scenario.builtin;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.AllocUpdatedInPlace;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobUpdated;
import io.schedsim.history.NodeRegistered;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What nomad-job-update-ineligible promises, read from the run's history alone (never the
 * model's state), as the e2e test reads the API: X's first system allocation is still listed at
 * version 0; in cases a and b it is stopped and X runs none of the job; in case c (draining, so
 * tainted) it still runs at version 0; every other node, and X in case d, runs exactly one
 * allocation of the job, at the job's latest version, and in case b it is the one it always had.
 */
final class JobUpdateOutcome {
    private JobUpdateOutcome() {}

    /** The first broken promise, or null. */
    static String judge(List<HistoryEvent> history, int nodeX, int job, String picked) {
        Map<Integer, Integer> nodeOf = new TreeMap<>();
        Map<Integer, Integer> version = new TreeMap<>();
        Map<Integer, Boolean> live = new TreeMap<>();
        Map<Integer, Integer> firstOnNode = new TreeMap<>();
        int jobVersion = 0;
        int nodes = 0;
        for (HistoryEvent event : history) {
            if (event instanceof NodeRegistered) {
                nodes++;
            } else if (event instanceof JobUpdated e && e.job() == job) {
                jobVersion = e.version();
            } else if (event instanceof AllocPlaced e && e.job() == job) {
                nodeOf.put(e.alloc(), e.node());
                version.put(e.alloc(), jobVersion);
                live.put(e.alloc(), true);
                firstOnNode.putIfAbsent(e.node(), e.alloc());
            } else if (event instanceof AllocUpdatedInPlace e && version.containsKey(e.alloc())) {
                version.put(e.alloc(), e.version());
            } else if (event instanceof AllocDesiredChanged e && live.containsKey(e.alloc())
                    && e.desired() != DesiredStatus.RUN) {
                live.put(e.alloc(), false);
            } else if (event instanceof AllocClientChanged e && live.containsKey(e.alloc())
                    && terminal(e.client())) {
                live.put(e.alloc(), false);
            }
        }
        if (jobVersion == 0) {
            return "the system job was never updated";
        }
        Integer first = firstOnNode.get(nodeX);
        if (first == null || version.get(first) != 0 && !picked.equals("d")) {
            return "node " + nodeX + "'s first system allocation is not listed at version 0";
        }
        for (int node = 0; node < nodes; node++) {
            String wrong = judgeNode(node, node == nodeX, picked, jobVersion, nodeOf, version,
                    live, firstOnNode.get(node));
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String judgeNode(int node, boolean isX, String picked, int jobVersion,
            Map<Integer, Integer> nodeOf, Map<Integer, Integer> version,
            Map<Integer, Boolean> live, Integer first) {
        int running = 0;
        int latest = -1;
        int alloc = -1;
        for (Map.Entry<Integer, Integer> placed : nodeOf.entrySet()) {
            if (placed.getValue() == node && live.get(placed.getKey())) {
                running++;
                latest = version.get(placed.getKey());
                alloc = placed.getKey();
            }
        }
        if (isX && (picked.equals("a") || picked.equals("b"))) {
            return running == 0 ? null : "ineligible node " + node + " still runs " + running
                    + " allocation(s) of the system job after its update";
        }
        int expected = isX && picked.equals("c") ? 0 : jobVersion;
        if (running != 1 || latest != expected) {
            return "node " + node + " runs " + running + " allocation(s) of the system job"
                    + (running == 1 ? " at version " + latest : "") + ", expected one at version "
                    + expected;
        }
        if (picked.equals("b") && !isX && first != null && alloc != first) {
            return "node " + node + "'s allocation was replaced by an in-place update";
        }
        return null;
    }

    private static boolean terminal(ClientStatus client) {
        return client == ClientStatus.COMPLETE || client == ClientStatus.FAILED
                || client == ClientStatus.LOST;
    }
}

package io.schedsim.prop.scenario.builtin;

import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.TaskResolved;
import io.schedsim.history.TaskSubmitted;
import io.schedsim.prop.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What ray-placement promises, read from the run's history alone (never the model's state).
 * {@link #spread} is R-12's: SPREAD gives the first min(tasks, usable workers) leases to distinct
 * nodes, a usable worker being one registered with CPU for a task and neither terminated nor down
 * when the first lease is granted. {@link #placement} is R-14's, per case: hard NodeAffinity
 * tasks end FINISHED or TASK_UNSCHEDULABLE, and some end TASK_UNSCHEDULABLE once the target's host
 * went while work was left; soft affinity and custom-resource tasks all finish where the run
 * leaves them somewhere to run. Each returns the first broken promise, or null.
 */
final class PlacementOutcome {
    private PlacementOutcome() {}

    /** R-12, case spread only (null otherwise). */
    static String spread(ScenarioConfig config, List<HistoryEvent> history) {
        if (!CaseKnob.of(config).equals("spread")) {
            return null;
        }
        return spreadFirstGrants(history);
    }

    /** the first min(tasks, usable workers) lease grants are on distinct nodes. */
    static String spreadFirstGrants(List<HistoryEvent> history) {
        Map<Integer, Long> cpuOf = new LinkedHashMap<>();
        Set<Integer> gone = new TreeSet<>();
        long taskCpu = -1;
        int tasks = 0;
        List<LeaseGranted> grants = new ArrayList<>();
        for (HistoryEvent event : history) {
            if (event instanceof LeaseGranted e) {
                grants.add(e);
            } else if (!grants.isEmpty()) {
                continue;
            } else if (event instanceof NodeRegistered e) {
                cpuOf.put(e.node(), e.cpuMilli());
            } else if (event instanceof HostTerminated e) {
                gone.add(e.node());
            } else if (event instanceof NodeStatusChanged e && e.status() == NodeStatus.DOWN) {
                gone.add(e.node());
            } else if (event instanceof TaskSubmitted e && e.parentTask() < 0) {
                tasks++;
                taskCpu = Math.max(taskCpu, e.cpuMilli());
            }
        }
        if (tasks == 0) {
            return null;
        }
        int usable = 0;
        for (Map.Entry<Integer, Long> node : cpuOf.entrySet()) {
            if (node.getValue() > 0 && node.getValue() >= taskCpu
                    && !gone.contains(node.getKey())) {
                usable++;
            }
        }
        int first = Math.min(tasks, usable);
        if (grants.size() < first) {
            return "SPREAD: only " + grants.size() + " lease grants, expected at least " + first;
        }
        Map<Integer, Long> taskOn = new LinkedHashMap<>();
        for (LeaseGranted grant : grants.subList(0, first)) {
            Long other = taskOn.putIfAbsent(grant.node(), grant.task());
            if (other != null) {
                return "SPREAD: tasks " + other + " and " + grant.task() + " both leased on node "
                        + grant.node() + " among the first " + first + " grants, with " + usable
                        + " usable workers";
            }
        }
        return null;
    }

    /** R-14, cases affinity-hard, affinity-soft and resource (null for spread). */
    static String placement(ScenarioConfig config, List<HistoryEvent> history) {
        boolean retried = config.intValue("maxRetries") != 0;
        switch (CaseKnob.of(config)) {
            case "affinity-hard" -> {
                return hardAffinity(history, config.intValue("target"), retried);
            }
            case "affinity-soft" -> {
                return retried ? allFinished(history, "soft NodeAffinity") : null;
            }
            case "resource" -> {
                boolean room = config.booleanValue("rejoin")
                        || config.intValue("accelNodes") >= 2;
                boolean feasible = config.intValue("accelPerTask")
                        <= config.intValue("accelPerNode");
                return retried && room && feasible ? allFinished(history, "custom resource")
                        : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Every task the driver submitted resolved to a value. */
    static String allFinished(List<HistoryEvent> history, String what) {
        Map<Long, ErrorType> outcome = outcomes(history);
        for (Map.Entry<Long, ErrorType> task : outcome.entrySet()) {
            if (task.getValue() == null) {
                return what + ": task " + task.getKey() + " never finished";
            }
            if (task.getValue() != ErrorType.NONE) {
                return what + ": task " + task.getKey() + " ended in " + task.getValue();
            }
        }
        return null;
    }

    /**
     * Hard NodeAffinity to {@code target}: every task ends FINISHED or TASK_UNSCHEDULABLE (with
     * {@code retried} false, a task may also die with its node), and if the target's host went
     * before every task had ended (a task resolved after it, or never), at least one (with
     * retries) ends TASK_UNSCHEDULABLE.
     */
    static String hardAffinity(List<HistoryEvent> history, int target, boolean retried) {
        Map<Long, ErrorType> outcome = new LinkedHashMap<>();
        boolean killed = false;
        boolean killedWithWorkLeft = false;
        for (HistoryEvent event : history) {
            if (event instanceof TaskSubmitted e) {
                outcome.put(e.task(), null);
            } else if (event instanceof TaskResolved e) {
                outcome.put(e.task(), e.errorType());
                killedWithWorkLeft |= killed;
            } else if (event instanceof HostTerminated e && e.node() == target) {
                killed = true;
            }
        }
        killedWithWorkLeft |= killed && outcome.containsValue(null);
        int unschedulable = 0;
        for (Map.Entry<Long, ErrorType> task : outcome.entrySet()) {
            ErrorType error = task.getValue();
            if (error == null) {
                return "hard NodeAffinity: task " + task.getKey() + " never ended";
            }
            if (error == ErrorType.TASK_UNSCHEDULABLE) {
                unschedulable++;
            } else if (error != ErrorType.NONE && (retried || error != ErrorType.NODE_DIED
                    && error != ErrorType.WORKER_DIED)) {
                return "hard NodeAffinity: task " + task.getKey() + " ended in " + error
                        + ", neither FINISHED nor TASK_UNSCHEDULABLE";
            }
        }
        if (killedWithWorkLeft && retried && unschedulable == 0) {
            return "hard NodeAffinity: node " + target + "'s host was terminated with tasks left,"
                    + " yet no task ended TASK_UNSCHEDULABLE";
        }
        return null;
    }

    /** Each submitted task's error type, null while unresolved, in submission order. */
    private static Map<Long, ErrorType> outcomes(List<HistoryEvent> history) {
        Map<Long, ErrorType> outcome = new LinkedHashMap<>();
        for (HistoryEvent event : history) {
            if (event instanceof TaskSubmitted e) {
                outcome.put(e.task(), null);
            } else if (event instanceof TaskResolved e) {
                outcome.put(e.task(), e.errorType());
            }
        }
        return outcome;
    }
}

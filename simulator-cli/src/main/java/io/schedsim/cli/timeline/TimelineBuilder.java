package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.AllocBar;
import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Builds a {@link TimelineModel} from a finished run: node histories from the cluster's node
 * events, allocation bars from the allocation table, fault windows from the ledger, and the
 * violations. A run without a cluster (a scenario that reports only its result) gets no lanes.
 */
public final class TimelineBuilder {
    /** Beyond this many nodes only the eventful ones get a lane; the rest are counted. */
    public static final int LANES_MAX = 60;

    private TimelineBuilder() {}

    public static TimelineModel build(RunOutcome outcome) {
        return build(outcome, LANES_MAX);
    }

    /** The model with at most {@code lanesMax} lanes (all nodes if there are no more). */
    public static TimelineModel build(RunOutcome outcome, int lanesMax) {
        return build(outcome, null, lanesMax);
    }

    /** As above, with each node's Ray task attempts from {@code occupancy} (null: none). */
    public static TimelineModel build(RunOutcome outcome, TaskOccupancy occupancy,
            int lanesMax) {
        RunResult result = outcome.result();
        long end = Math.max(1, result.simulatedMillis());
        Cluster cluster = outcome.cluster();
        List<Mark> violations = new ArrayList<>();
        Set<Integer> flagged = new TreeSet<>();
        for (RunResult.Violation v : result.violations()) {
            violations.add(new Mark(v.atMillis(), v.invariant(), v.invariant() + " at "
                    + TimeText.seconds(v.atMillis()) + " (event #" + v.event() + "): "
                    + v.message()));
            flagged.addAll(ViolationSubject.of(v).touchedNodes(cluster, taskNodes(occupancy)));
        }
        FaultWindows faults = FaultWindows.of(outcome.plan(), outcome.ledger(), end);
        List<Lane> lanes = new ArrayList<>();
        List<NodeHistory> histories = new ArrayList<>();
        if (cluster != null) {
            histories = histories(cluster, end);
            List<List<AllocBar>> allocs = allocs(cluster, end);
            TimelineModel.Occupancy[] tasks = occupancy == null || occupancy.isEmpty() ? null
                    : occupancy.perNode(histories.size());
            for (int node = 0; node < histories.size(); node++) {
                NodeHistory history = histories.get(node);
                List<Mark> marks = new ArrayList<>(history.marks);
                marks.addAll(faults.marksOf(node));
                lanes.add(new Lane(node, cluster.node(node).toString(), history.status,
                        history.ineligible, history.drains, faults.windowsOf(node), marks,
                        allocs.get(node), flagged.contains(node),
                        tasks == null ? null : tasks[node]));
            }
        }
        LaneSelection selection = LaneSelection.choose(lanes, histories, lanesMax, end);
        List<TimelineModel.Span> clusterFaults = faults.windowsOf(FaultWindows.CLUSTER);
        List<Mark> clusterMarks = faults.marksOf(FaultWindows.CLUSTER);
        return new TimelineModel(title(result), summary(result), end, selection.shown(),
                lanes.size(), lanes.size() - selection.shown().size(), selection.overview(),
                clusterFaults, clusterMarks, violations, faults.healAtMillis,
                zoom(outcome, occupancy, selection.shown(), clusterFaults, clusterMarks, end),
                EventLog.of(outcome, end));
    }

    /** The decisive window of the run's first violation, or where a clean run's changes are. */
    private static TimelineModel.Window zoom(RunOutcome outcome, TaskOccupancy occupancy,
            List<Lane> shown, List<TimelineModel.Span> clusterFaults, List<Mark> clusterMarks,
            long end) {
        List<RunResult.Violation> violations = outcome.result().violations();
        if (violations.isEmpty()) {
            return ZoomWindow.find(shown, clusterFaults, clusterMarks, end);
        }
        RunResult.Violation first = violations.get(0);
        for (RunResult.Violation v : violations) {
            first = v.atMillis() < first.atMillis() ? v : first;
        }
        ViolationSubject subject = ViolationSubject.of(first);
        Set<Integer> touched = subject.touchedNodes(outcome.cluster(), taskNodes(occupancy));
        return DecisiveWindow.find(first.atMillis(), first.invariant(), subject, touched,
                outcome.ledger(), end);
    }

    /** Where a Ray task's attempts ran, if leases were recorded. */
    private static IntFunction<Set<Integer>> taskNodes(TaskOccupancy occupancy) {
        return occupancy == null ? null : occupancy::nodesOf;
    }

    private static List<NodeHistory> histories(Cluster cluster, long end) {
        int nodes = cluster.nodeSlotCount();
        long[] joined = new long[nodes];
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.kind() == NodeEvent.Kind.JOINED) {
                joined[event.node()] = SimTime.toMillis(event.atNanos());
            }
        }
        List<NodeHistory> histories = new ArrayList<>(nodes);
        for (int node = 0; node < nodes; node++) {
            histories.add(new NodeHistory(joined[node], end));
        }
        for (NodeEvent event : cluster.nodeEvents()) {
            histories.get(event.node()).add(event);
        }
        histories.forEach(NodeHistory::finish);
        return histories;
    }

    private static List<List<AllocBar>> allocs(Cluster cluster, long end) {
        List<List<AllocBar>> byNode = new ArrayList<>();
        for (int node = 0; node < cluster.nodeSlotCount(); node++) {
            byNode.add(new ArrayList<>());
        }
        for (Alloc alloc : cluster.state().allocs().all()) {
            byNode.get(alloc.node()).add(bar(alloc, end));
        }
        return byNode;
    }

    static AllocBar bar(Alloc alloc, long end) {
        long created = SimTime.toMillis(alloc.createdNanos());
        long running = alloc.runningSinceNanos() < 0 ? -1
                : SimTime.toMillis(alloc.runningSinceNanos());
        String outcome = outcome(alloc);
        long stop = alloc.isTerminal() ? Math.min(end, SimTime.toMillis(alloc.modifiedNanos()))
                : AllocBar.OPEN;
        String label = String.format(Locale.ROOT, "alloc %d of %s (%s) on node %d: %s, created"
                + " %s%s%s%s%s", alloc.id(), alloc.job().name(), alloc.job().type().jsonName(),
                alloc.node(), outcome, TimeText.seconds(created),
                running < 0 ? ", never ran" : ", running from " + TimeText.seconds(running),
                stop == AllocBar.OPEN ? "" : ", ended " + TimeText.seconds(stop),
                alloc.stopReason().isEmpty() ? "" : " (" + alloc.stopReason() + ")",
                alloc.previousAlloc() == Alloc.NONE ? ""
                        : "; replaces alloc " + alloc.previousAlloc());
        return new AllocBar(created, running, stop, alloc.job().type().jsonName(), outcome,
                alloc.previousAlloc() != Alloc.NONE, label);
    }

    /** lost, failed, complete, running, pending, or stopped (desired stop before it ran). */
    static String outcome(Alloc alloc) {
        ClientStatus client = alloc.client();
        if (client == ClientStatus.LOST || client == ClientStatus.FAILED
                || client == ClientStatus.COMPLETE) {
            return client.name().toLowerCase(Locale.ROOT);
        }
        if (alloc.desired().isServerTerminal()) {
            return "stopped";
        }
        return client == ClientStatus.RUNNING ? "running" : "pending";
    }

    private static String pairs(java.util.Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(text.length() == 0 ? "" : " ").append(kind)
                .append('=').append(count));
        return text.length() == 0 ? "none" : text.toString();
    }

    private static String title(RunResult result) {
        return "schedsim " + result.scenario() + "  seed " + result.seed() + "  "
                + (result.variant() == null ? "correct model" : "variant " + result.variant());
    }

    private static List<String> summary(RunResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "trace %s   %,d events   %s simulated   %d nodes "
                + "(%d killed, %d down, %d drained)   faults: %d planned, fired %s",
                result.traceHash(), result.events(), TimeText.seconds(result.simulatedMillis()),
                result.nodes().total(), result.nodes().killed(), result.nodes().down(),
                result.nodes().drained(), result.faults().planned(),
                pairs(result.faults().fired())));
        RunResult.Tasks tasks = result.tasks();
        if (tasks.submitted() > 0) {
            lines.add(String.format(Locale.ROOT, "Ray tasks: %,d submitted, %,d completed, %,d "
                    + "failed, %,d lost attempts, %,d retries, %,d pending", tasks.submitted(),
                    tasks.completed(), tasks.failed(), tasks.lost(), tasks.retries(),
                    tasks.pending()));
        }
        return lines;
    }
}

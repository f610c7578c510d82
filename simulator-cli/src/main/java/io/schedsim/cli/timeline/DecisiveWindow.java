package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Window;
import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.LedgerEntry;
import io.schedsim.fault.inject.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The zoom of a failing run: from the last fault or operator action that touched the violation's
 * nodes (a drain or eligibility call, a kill, a partition starting or ending) to the violation,
 * padded. The fault plan is where operator actions live too, so the ledger has them all. Without
 * such an action it falls back to the last cluster-wide fault, then to the last fault of any kind,
 * then to a short stretch before the violation: a failing run always gets a zoom, however long it
 * ran, because the seconds that matter are a sliver of a ten-minute picture.
 */
final class DecisiveWindow {
    /** Padding before the decisive action, as a share of the span from it to the violation. */
    static final double PAD_SHARE = 0.25;
    static final long PAD_MILLIS_MIN = 500;
    /** Without any fault before the violation: this much before it (or the run's start). */
    static final long LOOKBACK_MILLIS = 10_000;

    private DecisiveWindow() {}

    /**
     * @param subject what the violation names (possibly nothing)
     * @param touchedNodes the nodes that come to (possibly none)
     */
    static Window find(long violationMillis, String invariant, ViolationSubject subject,
            Set<Integer> touchedNodes, FaultLedger ledger, long endMillis) {
        List<LedgerEntry> entries = ledger == null ? List.of() : ledger.entries();
        Map<Integer, Set<Integer>> nodesOfAction = new HashMap<>();
        LedgerEntry onSubject = null;
        LedgerEntry clusterWide = null;
        LedgerEntry any = null;
        for (LedgerEntry entry : entries) {
            if (entry.timeMillis() > violationMillis) {
                continue;
            }
            Set<Integer> nodes = nodesOf(entry, nodesOfAction);
            if (nodes == null) {
                continue;
            }
            any = later(any, entry);
            if (nodes.isEmpty()) {
                clusterWide = later(clusterWide, entry);
            } else if (nodes.stream().anyMatch(touchedNodes::contains)) {
                onSubject = later(onSubject, entry);
            }
        }
        String to = " to " + invariant + " at " + TimeText.seconds(violationMillis);
        String named = subject.describe(touchedNodes);
        if (onSubject != null) {
            return window(onSubject.timeMillis(), violationMillis, endMillis, "from "
                    + action(onSubject) + ", the last fault or operator action touching "
                    + named + "," + to);
        }
        String none = !touchedNodes.isEmpty() ? " (none touched " + named + ")"
                : subject.isEmpty() ? "" : " (no node known for " + named + ")";
        if (clusterWide != null) {
            return window(clusterWide.timeMillis(), violationMillis, endMillis, "from "
                    + action(clusterWide) + ", the last cluster-wide fault" + none + "," + to);
        }
        if (any != null) {
            return window(any.timeMillis(), violationMillis, endMillis, "from "
                    + action(any) + ", the last fault" + none + "," + to);
        }
        long start = Math.max(0, violationMillis - LOOKBACK_MILLIS);
        return window(start, violationMillis, endMillis, "no fault or operator action came "
                + "before the violation: the last " + TimeText.seconds(violationMillis - start)
                + " up" + to);
    }

    /**
     * The nodes an entry acts on (empty: cluster-wide), or null if it did not act. An end that
     * names no node ends its action on every node the action fired on (the heal phase does so).
     */
    private static Set<Integer> nodesOf(LedgerEntry entry, Map<Integer, Set<Integer>> fired) {
        if (entry.outcome() == Outcome.FIRED) {
            Set<Integer> nodes = fired.computeIfAbsent(entry.actionIndex(), k -> new TreeSet<>());
            if (entry.node() != LedgerEntry.NO_NODE) {
                nodes.add(entry.node());
                return Set.of(entry.node());
            }
            return Set.of();
        }
        if (entry.outcome() == Outcome.ENDED) {
            if (entry.node() != LedgerEntry.NO_NODE) {
                return Set.of(entry.node());
            }
            return fired.getOrDefault(entry.actionIndex(), Set.of());
        }
        return null;
    }

    /** The later of two entries; at the same millisecond the one the ledger recorded last. */
    private static LedgerEntry later(LedgerEntry current, LedgerEntry next) {
        return current == null || next.timeMillis() >= current.timeMillis() ? next : current;
    }

    private static String action(LedgerEntry entry) {
        String where = entry.node() == LedgerEntry.NO_NODE ? "" : " on node " + entry.node();
        String how = entry.outcome() == Outcome.ENDED ? " ending" : "";
        return entry.kind() + where + how + " at " + TimeText.seconds(entry.timeMillis());
    }

    /** The span from the action to the violation, padded: more before it, a little after. */
    static Window window(long actionMillis, long violationMillis, long endMillis, String why) {
        long span = violationMillis - actionMillis;
        long padBefore = Math.max(PAD_MILLIS_MIN, (long) (span * PAD_SHARE));
        long padAfter = Math.max(PAD_MILLIS_MIN / 2, span / 10);
        long start = Math.max(0, actionMillis - padBefore);
        long end = Math.min(endMillis, violationMillis + padAfter);
        if (end <= start) {
            end = start + 1;
        }
        return new Window(start, end, actionMillis, violationMillis, why);
    }
}

package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Span;
import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.LedgerEntry;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the fault ledger into what a timeline draws: a window from each firing of a lasting fault
 * to its end (its planned end, the heal phase, or the end of the run), a mark for each instant or
 * skipped action, per node or cluster-wide ({@link #CLUSTER}).
 */
final class FaultWindows {
    /** Key of faults that touch no single node (scheduler stalls, leader failover). */
    static final int CLUSTER = LedgerEntry.NO_NODE;

    final Map<Integer, List<Span>> windows = new TreeMap<>();
    final Map<Integer, List<Mark>> marks = new TreeMap<>();
    long healAtMillis = -1;

    private final List<Open> open = new ArrayList<>();

    private record Open(int actionIndex, int node, long startMillis, String label) {}

    static FaultWindows of(FaultPlan plan, FaultLedger ledger, long endMillis) {
        FaultWindows faults = new FaultWindows();
        if (plan == null || ledger == null) {
            return faults;
        }
        for (LedgerEntry entry : ledger.entries()) {
            faults.add(plan, entry);
        }
        faults.closeAll(endMillis);
        return faults;
    }

    private void add(FaultPlan plan, LedgerEntry entry) {
        switch (entry.outcome()) {
            case FIRED -> {
                FaultAction action = plan.get(entry.actionIndex());
                String label = entry.describe() + " (" + action.describe() + ")";
                if (action.durationMillis() != 0) {
                    open.add(new Open(entry.actionIndex(), entry.node(), entry.timeMillis(),
                            label));
                } else {
                    mark(entry.node(), new Mark(entry.timeMillis(), "fault", label));
                }
            }
            case SKIPPED -> mark(entry.node(), new Mark(entry.timeMillis(), "skipped",
                    entry.describe()));
            case ENDED -> close(entry);
            case HEALED -> healAtMillis = entry.timeMillis();
            case RECHECK -> { }
            default -> throw new AssertionError(entry.outcome());
        }
    }

    /** Ends the windows of the entry's action: on its node, or on every node if it names none. */
    private void close(LedgerEntry entry) {
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open window = it.next();
            if (window.actionIndex() == entry.actionIndex()
                    && (entry.node() == LedgerEntry.NO_NODE || entry.node() == window.node())) {
                it.remove();
                window(window, entry.timeMillis(), entry.detail());
            }
        }
    }

    private void closeAll(long endMillis) {
        for (Open window : open) {
            window(window, endMillis, "still on at the end");
        }
        open.clear();
    }

    private void window(Open window, long endMillis, String how) {
        String label = window.label() + "; until " + TimeText.seconds(endMillis) + " (" + how
                + ")";
        windows.computeIfAbsent(window.node(), k -> new ArrayList<>())
                .add(new Span(window.startMillis(), endMillis, "fault", label));
    }

    private void mark(int node, Mark mark) {
        marks.computeIfAbsent(node, k -> new ArrayList<>()).add(mark);
    }

    List<Span> windowsOf(int node) {
        return windows.getOrDefault(node, List.of());
    }

    List<Mark> marksOf(int node) {
        return marks.getOrDefault(node, List.of());
    }
}

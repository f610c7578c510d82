package io.schedsim.fault.inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the fault plan did to a run: planned actions, fired and skipped counts per action kind,
 * a timeline of entries, and the node sets the invariants need ("down ⊆ killed ∪ partitioned ∪
 * heartbeat-starved", INV-13). Every planned action ends as exactly one fired or skipped count
 * once the injector is finished; {@link #unresolved()} says how many are still open.
 */
public final class FaultLedger {
    /** Ledger kind of the heal phase; never counted in {@link #fired()}. */
    public static final String HEAL_KIND = "heal";

    private final int planned;
    private final SortedMap<String, Integer> fired = new TreeMap<>();
    private final SortedMap<String, Integer> skipped = new TreeMap<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final SortedSet<Integer> killed = new TreeSet<>();
    private final SortedSet<Integer> agentKilled = new TreeSet<>();
    private final SortedSet<Integer> partitioned = new TreeSet<>();
    private final SortedSet<Integer> heartbeatStarved = new TreeSet<>();
    private final SortedSet<Integer> clockDisturbed = new TreeSet<>();
    private final SortedSet<Integer> restarted = new TreeSet<>();
    private long healedAtMillis = -1;

    FaultLedger(int planned) {
        this.planned = planned;
    }

    /** Number of actions in the plan. */
    public int planned() {
        return planned;
    }

    /** Fired actions per action kind, sorted by kind. */
    public SortedMap<String, Integer> fired() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(fired));
    }

    /** Skipped actions per action kind, sorted by kind. */
    public SortedMap<String, Integer> skipped() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
    }

    public int firedTotal() {
        return sum(fired);
    }

    public int skippedTotal() {
        return sum(skipped);
    }

    /** Actions neither fired nor skipped yet (pending, or waiting for a re-check). */
    public int unresolved() {
        return planned - firedTotal() - skippedTotal();
    }

    /** The timeline, in the order things happened. */
    public List<LedgerEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The skipped entries, each with its reason. */
    public List<LedgerEntry> skips() {
        List<LedgerEntry> skips = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (entry.outcome() == Outcome.SKIPPED) {
                skips.add(entry);
            }
        }
        return skips;
    }

    /** Nodes whose host this plan terminated (F-1); restarting them does not remove them. */
    public SortedSet<Integer> killedNodes() {
        return Collections.unmodifiableSortedSet(killed);
    }

    /** Nodes whose agent this plan killed (F-2). */
    public SortedSet<Integer> agentKilledNodes() {
        return Collections.unmodifiableSortedSet(agentKilled);
    }

    /** Nodes that were partitioned from the servers at some point, in any direction. */
    public SortedSet<Integer> partitionedNodes() {
        return Collections.unmodifiableSortedSet(partitioned);
    }

    /** Nodes whose heartbeats were lost or delayed at some point. */
    public SortedSet<Integer> heartbeatStarvedNodes() {
        return Collections.unmodifiableSortedSet(heartbeatStarved);
    }

    /** Nodes whose clock drifted or jumped at some point. */
    public SortedSet<Integer> clockDisturbedNodes() {
        return Collections.unmodifiableSortedSet(clockDisturbed);
    }

    /** Nodes brought back by a restart (old slots; new slots appear in the entries). */
    public SortedSet<Integer> restartedNodes() {
        return Collections.unmodifiableSortedSet(restarted);
    }

    /** Every node a fault could have made look down: the union of the sets above. */
    public SortedSet<Integer> disturbedNodes() {
        SortedSet<Integer> union = new TreeSet<>(killed);
        union.addAll(agentKilled);
        union.addAll(partitioned);
        union.addAll(heartbeatStarved);
        union.addAll(clockDisturbed);
        return Collections.unmodifiableSortedSet(union);
    }

    /** Simulated time of the heal phase, or -1 if it has not run. */
    public long healedAtMillis() {
        return healedAtMillis;
    }

    /** The timeline, one line per entry. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (LedgerEntry entry : entries) {
            text.append(entry.describe()).append('\n');
        }
        return text.toString();
    }

    void countFired(String kind) {
        fired.merge(kind, 1, Integer::sum);
    }

    void countSkipped(String kind) {
        skipped.merge(kind, 1, Integer::sum);
    }

    void add(LedgerEntry entry) {
        entries.add(entry);
    }

    void markKilled(int node) {
        killed.add(node);
    }

    void markAgentKilled(int node) {
        agentKilled.add(node);
    }

    void markPartitioned(int node) {
        partitioned.add(node);
    }

    void markHeartbeatStarved(int node) {
        heartbeatStarved.add(node);
    }

    void markClockDisturbed(int node) {
        clockDisturbed.add(node);
    }

    void markRestarted(int node) {
        restarted.add(node);
    }

    void markHealed(long atMillis) {
        healedAtMillis = atMillis;
    }

    private static int sum(SortedMap<String, Integer> counts) {
        int total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        return total;
    }
}

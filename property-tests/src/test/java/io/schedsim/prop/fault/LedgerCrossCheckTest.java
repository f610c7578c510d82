package io.schedsim.prop.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.inject.LedgerEntry;
import io.schedsim.fault.inject.Outcome;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.Cluster;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Node;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fault ledger against what happened in the model, over chaos-swarm seeds: every planned
 * action is accounted for once, per kind (planned = fired + skipped); the ledger's node sets agree
 * with the nodes' ground truth; every killed node is down at the end unless it was restarted or
 * killed too recently to be detected; and every node that ever went down was disturbed by some
 * fault (INV-13, "died ⊆ killed" of ray conftest.py, checked from outside the model).
 */
class LedgerCrossCheckTest {
    private static final int SEEDS = 40;

    @Test
    void ledgerMatchesWhatHappenedOverSwarmSeeds() {
        List<String> problems = new ArrayList<>();
        int kills = 0;
        int downNodes = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunOutcome outcome = SwarmRuns.run(seed);
            List<String> found = new ArrayList<>();
            checkAccounting(outcome, found);
            checkKilledNodes(outcome, found);
            checkDownNodes(outcome, found);
            if (!outcome.cluster().monitor().violations().isEmpty()) {
                found.add("violations " + outcome.cluster().monitor().violations());
            }
            for (String problem : found) {
                problems.add("seed " + seed + ": " + problem);
            }
            kills += outcome.ledger().killedNodes().size()
                    + outcome.ledger().agentKilledNodes().size();
            downNodes += everDown(outcome.cluster()).size();
        }
        assertEquals(List.of(), problems);
        assertTrue(kills > SEEDS / 2, "the seeds kill nodes: " + kills);
        assertTrue(downNodes > SEEDS / 2, "the seeds take nodes down: " + downNodes);
    }

    /** planned = fired + skipped, per kind; one outcome per action; heal never counted. */
    private static void checkAccounting(RunOutcome outcome, List<String> problems) {
        FaultLedger ledger = outcome.ledger();
        FaultPlan plan = outcome.plan();
        if (ledger.unresolved() != 0 || ledger.planned() != plan.size()) {
            problems.add("unresolved " + ledger.unresolved() + " of " + ledger.planned()
                    + " planned, plan size " + plan.size());
        }
        TreeSet<String> kinds = new TreeSet<>(plan.countByKind().keySet());
        kinds.addAll(ledger.fired().keySet());
        kinds.addAll(ledger.skipped().keySet());
        for (String kind : kinds) {
            int planned = plan.countByKind().getOrDefault(kind, 0);
            int fired = ledger.fired().getOrDefault(kind, 0);
            int skipped = ledger.skipped().getOrDefault(kind, 0);
            if (planned != fired + skipped) {
                problems.add(kind + ": planned " + planned + " != fired " + fired
                        + " + skipped " + skipped);
            }
        }
        if (ledger.fired().containsKey(FaultLedger.HEAL_KIND)) {
            problems.add("the heal phase was counted as fired");
        }
        TreeMap<Integer, TreeSet<Outcome>> outcomes = new TreeMap<>();
        for (LedgerEntry entry : ledger.entries()) {
            if (entry.actionIndex() != LedgerEntry.NO_ACTION) {
                outcomes.computeIfAbsent(entry.actionIndex(), i -> new TreeSet<>())
                        .add(entry.outcome());
            }
        }
        for (int index = 0; index < plan.size(); index++) {
            TreeSet<Outcome> seen = outcomes.getOrDefault(index, new TreeSet<>());
            if (seen.contains(Outcome.FIRED) == seen.contains(Outcome.SKIPPED)) {
                problems.add("action #" + index + " " + plan.get(index).describe()
                        + " has outcomes " + seen);
            }
        }
    }

    /**
     * The ledger's kill sets match the ground truth, and each killed node is down at the end,
     * restarted after its last kill, or killed less than a detection window before the end.
     */
    private static void checkKilledNodes(RunOutcome outcome, List<String> problems) {
        FaultLedger ledger = outcome.ledger();
        Cluster cluster = outcome.cluster();
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            Node node = cluster.node(slot);
            if (!node.hostUp() && !ledger.killedNodes().contains(slot)) {
                problems.add("node " + slot + " host down but not in the ledger's killed set");
            }
            if (!node.agentUp() && !ledger.agentKilledNodes().contains(slot)) {
                problems.add("node " + slot + " agent down but not in the agent-killed set");
            }
        }
        SortedSet<Integer> killed = new TreeSet<>(ledger.killedNodes());
        killed.addAll(ledger.agentKilledNodes());
        if (!killed.containsAll(ledger.restartedNodes())) {
            problems.add("restarted " + ledger.restartedNodes() + " not all killed " + killed);
        }
        long endMillis = cluster.nowNanos() / 1_000_000L;
        long windowMillis = cluster.detector().detectionWindowNanos() / 1_000_000L;
        for (int slot : killed) {
            long lastKill = -1;
            long lastRestart = -1;
            for (LedgerEntry entry : ledger.entries()) {
                if (entry.node() != slot || entry.outcome() != Outcome.FIRED) {
                    continue;
                }
                if (entry.kind().equals(TerminateInstance.KIND)
                        || entry.kind().equals(KillAgent.KIND)) {
                    lastKill = entry.timeMillis();
                } else if (entry.kind().equals(RestartNode.KIND)) {
                    lastRestart = entry.timeMillis();
                }
            }
            // N-27: a killed node that holds an allocation whose group has lost_after is
            // detected as disconnected and goes down only once that expires (up to 155 s in
            // chaos-swarm since its groups may carry a disconnect block; seed 37).
            NodeStatus status = cluster.node(slot).status();
            boolean down = status == NodeStatus.DOWN || status == NodeStatus.DISCONNECTED;
            boolean restarted = lastRestart >= lastKill;
            boolean recent = endMillis - lastKill < windowMillis;
            if (lastKill < 0 || !(down || restarted || recent)) {
                problems.add("node " + slot + " killed at " + lastKill + " ms is "
                        + cluster.node(slot).status() + " at " + endMillis + " ms");
            }
        }
    }

    /** INV-13 from outside: every node that ever went down was disturbed by the plan. */
    private static void checkDownNodes(RunOutcome outcome, List<String> problems) {
        SortedSet<Integer> down = everDown(outcome.cluster());
        SortedSet<Integer> disturbed = outcome.ledger().disturbedNodes();
        if (!disturbed.containsAll(down)) {
            problems.add("down " + down + " not within disturbed " + disturbed);
        }
    }

    private static SortedSet<Integer> everDown(Cluster cluster) {
        SortedSet<Integer> down = new TreeSet<>();
        for (NodeEvent event : cluster.nodeEvents()) {
            if (event.kind() == NodeEvent.Kind.DOWN) {
                down.add(event.node());
            }
        }
        return down;
    }
}
